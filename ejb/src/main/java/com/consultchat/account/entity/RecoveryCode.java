package com.consultchat.account.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A single-use code that stands in for the second factor when the phone is lost; hash only. */
@Entity
@Table(name = "account_recovery_code")
@IdClass(RecoveryCode.Key.class)
@NamedQuery(
    name = RecoveryCode.UNUSED,
    query = "select count(c) from RecoveryCode c where c.accountId = :account and c.usedAt is null")
@NamedQuery(
    name = RecoveryCode.DELETE_ALL,
    query = "delete from RecoveryCode c where c.accountId = :account")
public class RecoveryCode {

  public static final String UNUSED = "RecoveryCode.unused";
  public static final String DELETE_ALL = "RecoveryCode.deleteAll";

  @Id
  @Column(name = "account_id")
  private Long accountId;

  @Id
  @Column(name = "code_hash")
  private String codeHash;

  @Column(name = "used_at")
  private Instant usedAt;

  protected RecoveryCode() {}

  public RecoveryCode(long accountId, String codeHash) {
    this.accountId = accountId;
    this.codeHash = codeHash;
  }

  public boolean used() {
    return usedAt != null;
  }

  public void use(Instant at) {
    usedAt = at;
  }

  /** The composite key, as JPA wants it. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;

    private Long accountId;
    private String codeHash;

    protected Key() {}

    public Key(long accountId, String codeHash) {
      this.accountId = accountId;
      this.codeHash = codeHash;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(accountId, key.accountId)
          && Objects.equals(codeHash, key.codeHash);
    }

    @Override
    public int hashCode() {
      return Objects.hash(accountId, codeHash);
    }
  }
}
