package com.consultchat.account.control;

import com.consultchat.platform.boundary.Notification;
import java.time.Instant;

/**
 * What one node's login throttles saw, for the other nodes of a cluster to count too, so a guesser
 * spreading attempts over the nodes meets the same limits as on one. Only ever sent between the
 * nodes; nobody else is told, and nothing of it is stored or logged.
 */
sealed interface LoginAttempted extends Notification {

  /** A wrong password for the username from the address. */
  record Failed(String username, String address, Instant at) implements LoginAttempted {}

  /** A right password or an administrator's unlock: the username starts afresh. */
  record Cleared(String username) implements LoginAttempted {}
}
