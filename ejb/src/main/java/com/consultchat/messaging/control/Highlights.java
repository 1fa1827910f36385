package com.consultchat.messaging.control;

import com.consultchat.messaging.boundary.SnippetPart;
import java.util.ArrayList;
import java.util.List;

/**
 * The database marks matching words in a snippet with two control characters that a person cannot
 * type into a message (they are removed from the text before it is marked), never with markup: the
 * snippet goes to the page as plain text parts, which the page escapes like any message text.
 */
public final class Highlights {

  static final char START = '\u0002';
  static final char STOP = '\u0003';

  /** Texts up to this length are shown whole; longer ones by their best fragments. */
  static final int WHOLE = 240;

  private static final String MARKS = "StartSel=" + START + ", StopSel=" + STOP;

  /** The options of {@code ts_headline} for a short text: all of it, matches marked. */
  static final String WHOLE_TEXT = MARKS + ", HighlightAll=true";

  /** The options for a longer text: at most two fragments around matches. */
  static final String FRAGMENTS =
      MARKS + ", MaxFragments=2, MaxWords=18, MinWords=6, FragmentDelimiter=\" … \"";

  private Highlights() {}

  /** The marked snippet as parts; an unclosed mark runs to the end, a stray stop is dropped. */
  public static List<SnippetPart> parts(String marked) {
    List<SnippetPart> parts = new ArrayList<>();
    if (marked == null) {
      return parts;
    }
    StringBuilder text = new StringBuilder();
    boolean match = false;
    for (int i = 0; i < marked.length(); i++) {
      char c = marked.charAt(i);
      if (c == START || c == STOP) {
        boolean next = c == START;
        if (next != match) {
          add(parts, text, match);
          match = next;
        }
      } else {
        text.append(c);
      }
    }
    add(parts, text, match);
    return parts;
  }

  private static void add(List<SnippetPart> parts, StringBuilder text, boolean match) {
    if (!text.isEmpty()) {
      parts.add(new SnippetPart(text.toString(), match));
      text.setLength(0);
    }
  }
}
