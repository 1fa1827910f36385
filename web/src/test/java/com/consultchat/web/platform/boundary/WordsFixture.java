package com.consultchat.web.platform.boundary;

import java.util.Optional;

/** The bundles' words for unit tests outside this package, as a clinic site has them. */
public final class WordsFixture {

  private WordsFixture() {}

  public static Words clinic() {
    Words words = new Words();
    words.configure(() -> false, Optional.empty());
    return words;
  }

  public static Words course() {
    Words words = new Words();
    words.configure(() -> true, Optional.empty());
    return words;
  }
}
