package com.consultchat.messaging.boundary;

import java.util.List;

/** A page of hits, best first, and whether another page follows. */
public record SearchResults(List<SearchHit> hits, boolean more) {

  public static SearchResults none() {
    return new SearchResults(List.of(), false);
  }
}
