package com.consultchat.integration.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "api_token")
@NamedQuery(name = ApiToken.BY_HASH, query = "select t from ApiToken t where t.tokenHash = :hash")
@NamedQuery(name = ApiToken.ALL, query = "select t from ApiToken t order by t.createdAt desc")
public class ApiToken {

  public static final String BY_HASH = "ApiToken.byHash";
  public static final String ALL = "ApiToken.all";

  @Id
  @SequenceGenerator(name = "api_token_seq", sequenceName = "api_token_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_token_seq")
  private Long id;

  private String name;

  @Column(name = "account_id")
  private long accountId;

  @Column(name = "token_hash")
  private String tokenHash;

  /** The scopes' wire names, separated by spaces. */
  private String scopes;

  @Column(name = "created_by")
  private long createdBy;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "expires_at")
  private Instant expiresAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  @Column(name = "last_used_at")
  private Instant lastUsedAt;

  protected ApiToken() {}

  public ApiToken(
      String name,
      long accountId,
      String tokenHash,
      String scopes,
      long createdBy,
      Instant createdAt,
      Instant expiresAt) {
    this.name = name;
    this.accountId = accountId;
    this.tokenHash = tokenHash;
    this.scopes = scopes;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
    this.expiresAt = expiresAt;
  }

  public long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public long accountId() {
    return accountId;
  }

  public String scopes() {
    return scopes;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  public Instant revokedAt() {
    return revokedAt;
  }

  public Instant lastUsedAt() {
    return lastUsedAt;
  }

  public boolean usableAt(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }

  public void revoke(Instant at) {
    if (revokedAt == null) {
      revokedAt = at;
    }
  }

  public void usedAt(Instant at) {
    lastUsedAt = at;
  }
}
