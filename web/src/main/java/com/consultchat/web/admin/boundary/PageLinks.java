package com.consultchat.web.admin.boundary;

/** Where a paged list stands: which page of how many, for previous/next links. */
public record PageLinks(int page, int size, long total) {

  public static final int SIZE = 50;

  /** The page asked for in the URL, starting at 1; anything unreadable is the first page. */
  static int page(String raw) {
    try {
      return Math.max(1, Integer.parseInt(raw == null ? "1" : raw.strip()));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  static int first(int page) {
    return (page - 1) * SIZE;
  }

  public long pages() {
    return Math.max(1, (total + size - 1) / size);
  }

  public boolean hasPrevious() {
    return page > 1;
  }

  public boolean hasNext() {
    return page < pages();
  }
}
