package com.consultchat.messaging.entity;

/**
 * What a message is. Plain text is for everyone; the other kinds are specialists' posts, shown
 * apart, and only a conversation's owning feature may allow them.
 */
public enum MessageKind {
  TEXT,
  RECOMMENDATION,
  NOTE;

  /** The kind a client names, TEXT when it names none. */
  public static MessageKind parse(String raw) {
    if (raw == null || raw.isBlank()) {
      return TEXT;
    }
    for (MessageKind kind : values()) {
      if (kind.name().equalsIgnoreCase(raw.strip())) {
        return kind;
      }
    }
    throw com.consultchat.platform.entity.Refused.invalid(
        "A message is text, a recommendation or a note.");
  }
}
