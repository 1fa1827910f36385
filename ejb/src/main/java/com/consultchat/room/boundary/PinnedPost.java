package com.consultchat.room.boundary;

import java.io.Serializable;
import java.time.Instant;

/**
 * A message pinned on top of a room. {@code acknowledgedByMe} is the viewer's own; {@code
 * acknowledged} and {@code pending} (names) are filled for moderators only.
 */
public record PinnedPost(
    long seq,
    String kind,
    String author,
    String body,
    Instant sentAt,
    boolean acknowledgedByMe,
    java.util.List<String> acknowledged,
    java.util.List<String> pending)
    implements Serializable {

  public boolean isRecommendation() {
    return "RECOMMENDATION".equals(kind);
  }

  public String readBy() {
    return acknowledged.isEmpty() ? "nobody yet" : String.join(", ", acknowledged);
  }

  public String notYet() {
    return pending.isEmpty() ? "nobody" : String.join(", ", pending);
  }

  public String kindLabel() {
    return switch (kind) {
      case "RECOMMENDATION" -> "Recommendation";
      case "NOTE" -> "Note";
      default -> "Message";
    };
  }
}
