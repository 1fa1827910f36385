package com.consultchat.attachment.control;

import java.text.Normalizer;

/**
 * A file's name as people see it. It is only ever shown (escaped by the page) and put in a
 * download's header; storage uses the server's id. So anything that could mislead or break out of
 * those places goes: path parts, control and format characters (a right-to-left override makes
 * {@code evil‮fdp.exe} read as {@code evilexe.pdf}), markup characters, and length beyond what a
 * list can show.
 */
public final class FileNames {

  /** In code points; a name longer than this keeps its start and its extension. */
  public static final int MAX_LENGTH = 120;

  static final String FALLBACK = "file";

  private FileNames() {}

  public static String display(String raw) {
    if (raw == null) {
      return FALLBACK;
    }
    String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
    // Only the last path part: a browser may send C:\Users\…\scan.pdf or ../../etc/passwd.
    name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    StringBuilder kept = new StringBuilder();
    name.codePoints()
        .filter(FileNames::shown)
        .forEach(c -> kept.appendCodePoint(Character.isWhitespace(c) ? ' ' : c));
    name = kept.toString().replaceAll(" {2,}", " ").strip();
    // Leading dots would make a hidden file or "..", trailing ones confuse the extension.
    name = name.replaceAll("^\\.+", "").replaceAll("\\.+$", "").strip();
    if (name.isEmpty()) {
      return FALLBACK;
    }
    return shorten(name);
  }

  private static boolean shown(int c) {
    int type = Character.getType(c);
    if (type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.UNASSIGNED
        || type == Character.PRIVATE_USE
        || type == Character.SURROGATE
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR) {
      return false;
    }
    return "<>\"'`&:*?|%;".indexOf(c) < 0;
  }

  private static String shorten(String name) {
    int length = name.codePointCount(0, name.length());
    if (length <= MAX_LENGTH) {
      return name;
    }
    int dot = name.lastIndexOf('.');
    String extension = "";
    if (dot > 0 && name.codePointCount(dot, name.length()) <= 10) {
      extension = name.substring(dot);
    }
    int keep = MAX_LENGTH - 1 - extension.codePointCount(0, extension.length());
    String start = name.substring(0, name.offsetByCodePoints(0, keep)).strip();
    return start + "…" + extension;
  }
}
