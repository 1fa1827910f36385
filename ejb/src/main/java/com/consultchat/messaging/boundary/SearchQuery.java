package com.consultchat.messaging.boundary;

import com.consultchat.platform.boundary.Refused;
import java.time.Instant;

/**
 * What to look for: words (a web-search style query: "a phrase", -without, or), and filters that
 * all apply when given. {@code sender} names a participant as the conversation names them (a room's
 * handle, else the account), so it needs {@code conversationId}; {@code mine} limits to the
 * searcher's own messages anywhere. {@code from} is inclusive, {@code until} exclusive.
 */
public record SearchQuery(
    String text,
    Long conversationId,
    Long sender,
    boolean mine,
    Instant from,
    Instant until,
    boolean withFile,
    int offset) {

  /** Longer than anyone types into a search box; a longer query is refused, not cut. */
  public static final int MAX_TEXT = 200;

  /** Deep enough for anyone reading pages; past it, narrower words or filters find it faster. */
  public static final int MAX_OFFSET = 1000;

  public SearchQuery {
    text = text == null ? "" : text.strip();
    if (text.length() > MAX_TEXT) {
      throw Refused.invalid("search.too-long", MAX_TEXT);
    }
    if (sender != null && conversationId == null) {
      throw Refused.invalid("search.sender.conversation");
    }
    if (from != null && until != null && !from.isBefore(until)) {
      throw Refused.invalid("search.period.backwards");
    }
    if (offset < 0 || offset > MAX_OFFSET) {
      throw Refused.invalid("search.no-more");
    }
  }

  /** Words only; no filter, first page. */
  public static SearchQuery of(String text) {
    return new SearchQuery(text, null, null, false, null, null, false, 0);
  }

  public boolean blank() {
    return text.isEmpty();
  }
}
