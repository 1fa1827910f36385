package com.consultchat.account.boundary;

import com.consultchat.account.entity.AccountStatus;
import java.util.Set;

/**
 * What the administrator's list asks for. Null fields do not filter; {@code text} matches the start
 * of a username or of any word of a name, ignoring case; {@code among} limits to these ids (the
 * staff of a specialty).
 */
public record AccountQuery(
    String text, Role role, Status status, Set<Long> among, int first, int size) {

  /** Locked is not stored: a lockout lives in the login throttle of the node. */
  public enum Status {
    ACTIVE,
    DISABLED,
    LOCKED;

    AccountStatus stored() {
      return this == DISABLED ? AccountStatus.DISABLED : AccountStatus.ACTIVE;
    }
  }
}
