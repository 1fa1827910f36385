package com.consultchat.consultation.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consultchat.platform.boundary.Refused;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SnippetTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final Instant LATER = NOW.plusSeconds(60);

  @Test
  void aSnippetKeepsItsTextsTidyAndItsShortcutInLowerCase() {
    Snippet snippet =
        new Snippet(7, "  Greeting \n  new   patient ", " /Greet ", "  Hello! 👋\n", NOW);

    assertThat(snippet.title()).isEqualTo("Greeting new patient");
    assertThat(snippet.shortcut()).isEqualTo("greet");
    assertThat(snippet.body()).isEqualTo("Hello! 👋");
    assertThat(snippet.isOwnedBy(7)).isTrue();
    assertThat(snippet.isOwnedBy(8)).isFalse();
    assertThat(snippet.updatedAt()).isEqualTo(NOW);
  }

  @Test
  void emptyTextsAreRefusedWithWhatIsMissing() {
    assertRefused(() -> new Snippet(7, " ", "greet", "Hello", NOW), "snippet.title.missing");
    assertRefused(() -> new Snippet(7, "Greeting", "  ", "Hello", NOW), "snippet.shortcut.missing");
    assertRefused(() -> new Snippet(7, "Greeting", "/", "Hello", NOW), "snippet.shortcut.missing");
    assertRefused(() -> new Snippet(7, "Greeting", "greet", " \n ", NOW), "snippet.body.missing");
    assertRefused(() -> new Snippet(7, null, null, null, NOW), "snippet.title.missing");
  }

  @Test
  void textsLongerThanTheLimitsAreRefused() {
    assertRefused(
        () -> new Snippet(7, "t".repeat(81), "greet", "Hello", NOW), "snippet.title.too-long");
    assertRefused(
        () -> new Snippet(7, "Greeting", "s".repeat(25), "Hello", NOW),
        "snippet.shortcut.too-long");
    assertRefused(
        () -> new Snippet(7, "Greeting", "greet", "b".repeat(2001), NOW), "snippet.body.too-long");
  }

  @Test
  void limitsCountCharactersNotUtf16Units() {
    Snippet snippet = new Snippet(7, "🙂".repeat(80), "s".repeat(24), "👍".repeat(2000), NOW);

    assertThat(snippet.body().codePointCount(0, snippet.body().length())).isEqualTo(2000);
  }

  @Test
  void aShortcutIsOneWordOfPlainLettersDigitsDashesAndUnderscores() {
    assertThat(Snippet.normalizedShortcut("follow_up-2")).isEqualTo("follow_up-2");
    for (String bad : new String[] {"two words", "-dash", "_under", "grüß", "a/b", "x.y", "ok!"}) {
      assertRefused(() -> Snippet.normalizedShortcut(bad), "snippet.shortcut.unreadable");
    }
  }

  @Test
  void aRefusedRevisionLeavesTheSnippetAsItWas() {
    Snippet snippet = new Snippet(7, "Greeting", "greet", "Hello", NOW);

    assertRefused(
        () -> snippet.revise("New title", "bad word", "New body", LATER),
        "snippet.shortcut.unreadable");

    assertThat(snippet.title()).isEqualTo("Greeting");
    assertThat(snippet.shortcut()).isEqualTo("greet");
    assertThat(snippet.body()).isEqualTo("Hello");
    assertThat(snippet.updatedAt()).isEqualTo(NOW);
  }

  @Test
  void aRevisionReplacesAllTextsAndTheTime() {
    Snippet snippet = new Snippet(7, "Greeting", "greet", "Hello", NOW);

    snippet.revise("Goodbye", "bye", "Take care.", LATER);

    assertThat(snippet.title()).isEqualTo("Goodbye");
    assertThat(snippet.shortcut()).isEqualTo("bye");
    assertThat(snippet.body()).isEqualTo("Take care.");
    assertThat(snippet.createdAt()).isEqualTo(NOW);
    assertThat(snippet.updatedAt()).isEqualTo(LATER);
  }

  private static void assertRefused(Runnable action, String key) {
    assertThatThrownBy(action::run)
        .isInstanceOf(Refused.class)
        .hasMessage(key)
        .extracting(e -> ((Refused) e).reason())
        .isEqualTo(Refused.Reason.INVALID);
  }
}
