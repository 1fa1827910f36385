package com.consultchat.account.boundary;

import com.consultchat.account.entity.Account;
import com.consultchat.account.entity.AccountStatus;
import java.time.Instant;

/**
 * An account as the administrator's list shows it; {@code lockedUntil} is null unless locked,
 * {@code twoStep} whether it logs in with a second factor.
 */
public record AccountSummary(
    long id,
    String username,
    String displayName,
    Role role,
    AccountStatus status,
    Instant createdAt,
    Instant lockedUntil,
    boolean twoStep) {

  static AccountSummary of(Account account, Instant lockedUntil, boolean twoStep) {
    return new AccountSummary(
        account.id(),
        account.username(),
        account.displayName(),
        account.role(),
        account.status(),
        account.createdAt(),
        lockedUntil,
        twoStep);
  }

  /** The standing by name (ACTIVE, DISABLED, ERASED), for callers outside the account feature. */
  public String statusName() {
    return status.name();
  }
}
