package com.consultchat.web.attachment.control;

import java.nio.charset.StandardCharsets;

/**
 * The {@code Content-Disposition} of a download: always {@code attachment}, so a browser saves the
 * file rather than rendering it; the name once as plain ASCII for old clients and once as UTF-8
 * encoded by RFC 5987 ({@code filename*}), which modern browsers prefer.
 */
public final class Disposition {

  private static final String ATTR_CHAR =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~";

  private Disposition() {}

  public static String attachment(String name) {
    return "attachment; filename=\"" + ascii(name) + "\"; filename*=UTF-8''" + encoded(name);
  }

  /** The name with everything but safe ASCII replaced, for the plain {@code filename}. */
  static String ascii(String name) {
    StringBuilder out = new StringBuilder();
    name.codePoints()
        .forEach(c -> out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
    return out.toString();
  }

  static String encoded(String name) {
    StringBuilder out = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && ATTR_CHAR.indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }
}
