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

  /** Who has acknowledged it; the page says "nobody yet" in its own words. */
  public String readBy() {
    return String.join(", ", acknowledged);
  }

  /** Who has not yet; the page says "nobody" in its own words. */
  public String notYet() {
    return String.join(", ", pending);
  }
}
