package com.consultchat.web.messaging.control;

import java.util.Optional;

/**
 * Puts a socket's text message together from the parts the container hands over as they arrive,
 * never holding more than a bound: the container's own buffer limit is not enforced for whole-text
 * handlers, so an endpoint that took whole messages would buffer (and parse) whatever a client
 * sent. One per socket; the container calls a socket's handler on one thread at a time.
 */
public final class TextAssembler {

  private final int limit;
  private final StringBuilder text = new StringBuilder();
  private boolean overflowed;

  public TextAssembler(int limitChars) {
    this.limit = limitChars;
  }

  /**
   * Adds a part: the whole message once its last part came, empty before then. Once the message has
   * grown past the limit, the message is dropped and {@link #overflowed()} says so.
   */
  public Optional<String> add(String part, boolean last) {
    if (overflowed) {
      return Optional.empty();
    }
    if (text.length() + part.length() > limit) {
      overflowed = true;
      text.setLength(0);
      text.trimToSize();
      return Optional.empty();
    }
    if (last && text.length() == 0) {
      return Optional.of(part);
    }
    text.append(part);
    if (!last) {
      return Optional.empty();
    }
    String whole = text.toString();
    text.setLength(0);
    return Optional.of(whole);
  }

  public boolean overflowed() {
    return overflowed;
  }
}
