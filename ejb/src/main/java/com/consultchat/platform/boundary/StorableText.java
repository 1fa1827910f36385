package com.consultchat.platform.boundary;

/**
 * Text people type, checked before it is stored. PostgreSQL cannot store a NUL character, and half
 * of a surrogate pair is not a character at all (the driver would store it as {@code ?}); both are
 * refused with a reason, so the sender knows nothing was stored rather than meeting a server error
 * or a silently changed text.
 */
public final class StorableText {

  private StorableText() {}

  /** The text unchanged (null stays null), or refused if it could not be stored as typed. */
  public static String check(String text) {
    if (text == null) {
      return null;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\0') {
        throw Refused.invalid("text.nul");
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw Refused.invalid("text.surrogate");
      }
    }
    return text;
  }
}
