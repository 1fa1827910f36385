package com.consultchat.web.consultation.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class PdfTextTest {

  /** Every code point one unit wide, so widths are easy to reason about. */
  private static final ToDoubleFunction<String> CHARS = s -> s.codePointCount(0, s.length());

  @Test
  void charactersTheFontLacksBecomeThePlaceholderAndTheRestStays() {
    String text = "Привет 漢字 ok 😀";

    String printable = PdfText.printable(text, cp -> cp < 0x3000, "?");

    assertThat(printable).isEqualTo("Привет ?? ok ?");
  }

  @Test
  void tabsBecomeSpacesLineBreaksStayAndInvisibleControlsGo() {
    assertThat(PdfText.printable("a\tb\r\nc\u200Bd\u0007", cp -> true, "?")).isEqualTo("a b\ncd");
  }

  @Test
  void rightToLeftRunsAreDrawnInVisualOrderAndLeftToRightTextIsUntouched() {
    assertThat(PdfText.visual("abc שלום def")).isEqualTo("abc םולש def");
    assertThat(PdfText.visual("Здравствуйте (ok)")).isEqualTo("Здравствуйте (ok)");
  }

  @Test
  void nullPrintsAsNothing() {
    assertThat(PdfText.printable(null, cp -> true, "?")).isEmpty();
  }

  @Test
  void wrapsAtSpacesWithinTheWidth() {
    List<String> lines = PdfText.wrap("the quick brown fox jumps over", CHARS, 10);

    assertThat(lines).containsExactly("the quick", "brown fox", "jumps over");
    assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(10));
  }

  @Test
  void aWordWiderThanTheLineIsBrokenBetweenCharacters() {
    assertThat(PdfText.wrap("see abcdefghijklmnopqrstuvwxyz ok", CHARS, 10))
        .containsExactly("see", "abcdefghij", "klmnopqrst", "uvwxyz ok");
  }

  @Test
  void aWideCharacterIsNeverSplitAcrossItsSurrogates() {
    List<String> lines = PdfText.wrap("😀😀😀", CHARS, 1);

    assertThat(lines).containsExactly("😀", "😀", "😀");
  }

  @Test
  void paragraphsAndEmptyLinesAreKept() {
    assertThat(PdfText.wrap("first\n\nsecond  line", CHARS, 40))
        .containsExactly("first", "", "second line");
  }

  @Test
  void aLineTooLongForTheHeaderIsShortenedWithAnEllipsis() {
    assertThat(PdfText.fitted("Headache for three days", CHARS, 10)).isEqualTo("Headache…");
    assertThat(PdfText.fitted("Short", CHARS, 10)).isEqualTo("Short");
  }

  @Test
  void linesFillPagesInOrderAndNothingIsLost() {
    List<Integer> lines = List.of(3, 3, 3, 5, 1, 12, 2);

    List<List<Integer>> pages = PdfText.paginate(lines, Integer::doubleValue, 10);

    assertThat(pages).containsExactly(List.of(3, 3, 3), List.of(5, 1), List.of(12), List.of(2));
  }

  @Test
  void anEmptyDocumentStillHasOnePage() {
    assertThat(PdfText.paginate(List.<Integer>of(), Integer::doubleValue, 10))
        .containsExactly(List.of());
  }
}
