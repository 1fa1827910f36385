package com.consultchat.web.integration.control;

import com.consultchat.platform.boundary.Refused;

/** A page of a list as the API's callers ask for it: pages from 1, 1 to {@link #MAX} items. */
public record Paging(int page, int size) {

  public static final int MAX = 100;

  public Paging {
    if (page < 1 || size < 1 || size > MAX) {
      throw Refused.invalid("api.paging", MAX);
    }
  }

  /** The index of the page's first item in the whole list. */
  public int first() {
    return (int) Math.min(Integer.MAX_VALUE, (long) (page - 1) * size);
  }
}
