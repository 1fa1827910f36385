package com.consultchat.messaging.boundary;

import java.util.List;

/**
 * A page of hits, best first; whether another page follows; and whether so many messages matched
 * that only the newest of them were ranked (more words or filters then find older ones).
 */
public record SearchResults(List<SearchHit> hits, boolean more, boolean newestOnly) {

  public static SearchResults none() {
    return new SearchResults(List.of(), false, false);
  }
}
