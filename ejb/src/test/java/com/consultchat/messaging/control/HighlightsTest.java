package com.consultchat.messaging.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.consultchat.messaging.boundary.SnippetPart;
import org.junit.jupiter.api.Test;

class HighlightsTest {

  @Test
  void markedWordsBecomeMatchingPartsAndTheRestPlainText() {
    assertThat(Highlights.parts("a \u0002fever\u0003 since \u0002Monday\u0003"))
        .containsExactly(
            new SnippetPart("a ", false),
            new SnippetPart("fever", true),
            new SnippetPart(" since ", false),
            new SnippetPart("Monday", true));
  }

  @Test
  void markupInTheTextStaysTextForThePageToEscape() {
    assertThat(Highlights.parts("<script>x</script> \u0002fever\u0003"))
        .containsExactly(
            new SnippetPart("<script>x</script> ", false), new SnippetPart("fever", true));
  }

  @Test
  void anUnclosedMarkRunsToTheEndAndAStrayStopIsDropped() {
    assertThat(Highlights.parts("one\u0003 \u0002two"))
        .containsExactly(new SnippetPart("one ", false), new SnippetPart("two", true));
  }

  @Test
  void nothingMarkedIsOnePlainPartAndNothingIsNoPart() {
    assertThat(Highlights.parts("plain")).containsExactly(new SnippetPart("plain", false));
    assertThat(Highlights.parts(null)).isEmpty();
    assertThat(Highlights.parts("")).isEmpty();
  }
}
