package com.consultchat.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An account's TOTP secret. It counts only once confirmed with a code from the person's app; the
 * last accepted time step keeps a code from being used twice.
 */
@Entity
@Table(name = "account_second_factor")
@NamedQuery(
    name = SecondFactor.CONFIRMED_ACCOUNTS,
    query = "select f.accountId from SecondFactor f where f.confirmedAt is not null")
public class SecondFactor {

  public static final String CONFIRMED_ACCOUNTS = "SecondFactor.confirmedAccounts";

  @Id
  @Column(name = "account_id")
  private Long accountId;

  private String secret;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "confirmed_at")
  private Instant confirmedAt;

  @Column(name = "last_step")
  private long lastStep;

  protected SecondFactor() {}

  public SecondFactor(long accountId, String secret, Instant createdAt) {
    this.accountId = accountId;
    this.secret = secret;
    this.createdAt = createdAt;
  }

  public String secret() {
    return secret;
  }

  public boolean confirmed() {
    return confirmedAt != null;
  }

  public long lastStep() {
    return lastStep;
  }

  /** A code of this step was accepted: it and every earlier one are spent. */
  public void accepted(long step, Instant at) {
    lastStep = step;
    if (confirmedAt == null) {
      confirmedAt = at;
    }
  }
}
