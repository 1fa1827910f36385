package com.consultchat.account.boundary;

import com.consultchat.account.entity.Account;
import com.consultchat.account.entity.AccountStatus;
import java.time.Instant;

public record AccountSummary(
    long id,
    String username,
    String displayName,
    Role role,
    AccountStatus status,
    Instant createdAt) {

  static AccountSummary of(Account account) {
    return new AccountSummary(
        account.id(),
        account.username(),
        account.displayName(),
        account.role(),
        account.status(),
        account.createdAt());
  }
}
