package com.consultchat.messaging.boundary;

import com.consultchat.platform.boundary.Refused;

/**
 * A post — plain text, a specialist's recommendation or note, which only a conversation's owning
 * feature may allow, or a file with an optional caption, which only the attachment path makes — or
 * a change of one. Changes are entries in the stream of their own, so they are numbered, stored and
 * caught up exactly like messages.
 */
public enum MessageKind {
  TEXT,
  EDIT,
  DELETE,
  RECOMMENDATION,
  NOTE,
  FILE,
  /** A change of a file's clinical kind or verification, naming the FILE entry it changes. */
  FILE_UPDATE;

  /** Whether this is something said, rather than a change of something said. */
  public boolean isPost() {
    return this == TEXT || this == RECOMMENDATION || this == NOTE || this == FILE;
  }

  /** The kind of post a client names in a frame, TEXT when it names none; never a file. */
  public static MessageKind post(String raw) {
    if (raw == null || raw.isBlank()) {
      return TEXT;
    }
    for (MessageKind kind : values()) {
      if (kind.isPost() && kind != FILE && kind.name().equalsIgnoreCase(raw.strip())) {
        return kind;
      }
    }
    throw Refused.invalid("message.kind.unknown");
  }
}
