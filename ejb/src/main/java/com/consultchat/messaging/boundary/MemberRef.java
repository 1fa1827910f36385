package com.consultchat.messaging.boundary;

import java.time.Instant;

/**
 * Another member of a conversation, as presence shows them: {@code shownAs} is the id the viewer
 * knows them by (their account, or in a room their handle), {@code account} stays on the server.
 */
public record MemberRef(long account, String name, Instant lastSeen, long shownAs) {

  public MemberRef(long account, String name, Instant lastSeen) {
    this(account, name, lastSeen, account);
  }
}
