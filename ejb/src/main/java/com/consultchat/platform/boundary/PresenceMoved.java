package com.consultchat.platform.boundary;

import java.util.List;

/**
 * Another node registered a change in these people's presence ({@link Whereabouts}): the nodes that
 * show them to someone look again.
 */
public record PresenceMoved(List<Long> accounts) implements Notification {

  public PresenceMoved {
    accounts = List.copyOf(accounts);
  }
}
