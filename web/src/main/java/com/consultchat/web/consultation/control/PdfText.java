package com.consultchat.web.consultation.control;

import java.text.Bidi;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.ToDoubleFunction;

/**
 * Text made fit for a PDF page: characters the embedded font cannot draw become a visible
 * placeholder (a PDF cannot show what its font lacks, and failing the whole download for one emoji
 * would be worse), and paragraphs are wrapped to the width of the page.
 */
final class PdfText {

  private PdfText() {}

  /**
   * Keeps line breaks, turns tabs into spaces, drops other control and invisible formatting
   * characters, and replaces every character without a glyph by {@code placeholder}.
   */
  static String printable(String text, IntPredicate hasGlyph, String placeholder) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    text.replace("\r\n", "\n")
        .codePoints()
        .forEach(
            cp -> {
              if (cp == '\n') {
                out.append('\n');
              } else if (cp == '\t') {
                out.append(' ');
              } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                // Nothing to draw: carriage returns, zero-width joiners, direction marks.
              } else if (hasGlyph.test(cp)) {
                out.appendCodePoint(cp);
              } else {
                out.append(placeholder);
              }
            });
    return out.toString();
  }

  /**
   * Wraps each paragraph at spaces so that no line is wider than {@code maxWidth}; a word wider
   * than a whole line is broken between characters. Empty paragraphs stay as empty lines. Widths
   * add up (a PDF font's string width is the sum of its glyphs' widths), so each word is measured
   * once and each character of an overlong word once: a transcript of thousands of long messages
   * wraps in time linear in its length.
   */
  static List<String> wrap(String text, ToDoubleFunction<String> width, double maxWidth) {
    List<String> lines = new ArrayList<>();
    double space = width.applyAsDouble(" ");
    for (String paragraph : text.split("\n", -1)) {
      StringBuilder line = new StringBuilder();
      double used = 0;
      for (String word : paragraph.strip().split(" +")) {
        if (word.isEmpty()) {
          continue;
        }
        double wordWidth = width.applyAsDouble(word);
        double candidate = line.isEmpty() ? wordWidth : used + space + wordWidth;
        if (candidate <= maxWidth) {
          if (!line.isEmpty()) {
            line.append(' ');
          }
          line.append(word);
          used = candidate;
          continue;
        }
        if (!line.isEmpty()) {
          lines.add(line.toString());
          line.setLength(0);
        }
        if (wordWidth <= maxWidth) {
          line.append(word);
          used = wordWidth;
        } else {
          String rest = breakWord(word, width, maxWidth, lines);
          line.append(rest);
          used = width.applyAsDouble(rest);
        }
      }
      lines.add(line.toString());
    }
    return lines;
  }

  /**
   * Breaks a word wider than a line between characters (at least one per line, so wrapping always
   * advances): the full pieces go to {@code lines}, the last is returned to start the next line.
   */
  private static String breakWord(
      String word, ToDoubleFunction<String> width, double maxWidth, List<String> lines) {
    int start = 0;
    double run = 0;
    for (int i = 0; i < word.length(); ) {
      int next = word.offsetByCodePoints(i, 1);
      double glyph = width.applyAsDouble(word.substring(i, next));
      if (i > start && run + glyph > maxWidth) {
        lines.add(word.substring(start, i));
        start = i;
        run = 0;
      }
      run += glyph;
      i = next;
    }
    return word.substring(start);
  }

  /**
   * A line in the order its characters are drawn. PDF text runs left to right, so right-to-left
   * runs (Hebrew, Arabic) are reversed here; text extraction turns them back. Arabic letters are
   * drawn in their isolated forms: joining them needs shaping this writer does not do.
   */
  static String visual(String line) {
    if (!Bidi.requiresBidi(line.toCharArray(), 0, line.length())) {
      return line;
    }
    Bidi bidi = new Bidi(line, Bidi.DIRECTION_DEFAULT_LEFT_TO_RIGHT);
    int count = bidi.getRunCount();
    byte[] levels = new byte[count];
    String[] runs = new String[count];
    for (int i = 0; i < count; i++) {
      levels[i] = (byte) bidi.getRunLevel(i);
      String run = line.substring(bidi.getRunStart(i), bidi.getRunLimit(i));
      runs[i] = levels[i] % 2 == 0 ? run : new StringBuilder(run).reverse().toString();
    }
    Bidi.reorderVisually(levels, 0, runs, 0, count);
    return String.join("", runs);
  }

  /** Shortens a single line to the width, ending it with an ellipsis when something was cut. */
  static String fitted(String text, ToDoubleFunction<String> width, double maxWidth) {
    if (width.applyAsDouble(text) <= maxWidth) {
      return text;
    }
    int end = text.length();
    while (end > 0 && width.applyAsDouble(text.substring(0, end) + "…") > maxWidth) {
      end = text.offsetByCodePoints(end, -1);
    }
    return text.substring(0, end).stripTrailing() + "…";
  }

  /**
   * Splits lines into pages of at most {@code pageHeight}; a line taller than a page gets a page of
   * its own rather than being lost.
   */
  static <T> List<List<T>> paginate(List<T> lines, ToDoubleFunction<T> height, double pageHeight) {
    List<List<T>> pages = new ArrayList<>();
    List<T> page = new ArrayList<>();
    double used = 0;
    for (T line : lines) {
      double h = height.applyAsDouble(line);
      if (!page.isEmpty() && used + h > pageHeight) {
        pages.add(page);
        page = new ArrayList<>();
        used = 0;
      }
      page.add(line);
      used += h;
    }
    if (!page.isEmpty() || pages.isEmpty()) {
      pages.add(page);
    }
    return pages;
  }
}
