package com.consultchat.account.entity;

import com.consultchat.account.boundary.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/** A person who can log in: a patient, a member of staff or an administrator. */
@Entity
@NamedQuery(
    name = Account.BY_USERNAME,
    query = "select a from Account a where a.username = :username")
@NamedQuery(
    name = Account.COUNT_BY_ROLE,
    query = "select count(a) from Account a where a.role = :role")
@NamedQuery(name = Account.ALL, query = "select a from Account a order by a.role, a.username")
@NamedQuery(
    name = Account.ACTIVE_STAFF,
    query =
        "select a from Account a where a.role = com.consultchat.account.boundary.Role.STAFF"
            + " and a.status = com.consultchat.account.entity.AccountStatus.ACTIVE"
            + " order by a.displayName")
@NamedQuery(
    name = Account.LOGINS_ENDED_SINCE,
    query = "select a from Account a where a.loginsValidFrom > :since")
public class Account {

  public static final String LOGINS_ENDED_SINCE = "Account.loginsEndedSince";
  public static final String BY_USERNAME = "Account.byUsername";
  public static final String COUNT_BY_ROLE = "Account.countByRole";
  public static final String ALL = "Account.all";
  public static final String ACTIVE_STAFF = "Account.activeStaff";

  @Id
  @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
  private Long id;

  private String username;

  @Column(name = "display_name")
  private String displayName;

  @Column(name = "password_hash")
  private String passwordHash;

  @Enumerated(EnumType.STRING)
  private Role role;

  @Enumerated(EnumType.STRING)
  private AccountStatus status;

  @Column(name = "last_seen_at")
  private Instant lastSeenAt;

  @Column(name = "shares_read_receipts")
  private boolean sharesReadReceipts = true;

  @Column(name = "password_change_required")
  private boolean passwordChangeRequired;

  /** The language chosen in the user menu; null: the browser's. */
  private String language;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "logins_valid_from")
  private Instant loginsValidFrom;

  @Version private long version;

  protected Account() {}

  /** Username and display name must already be canonical (see {@link Credentials}). */
  public Account(
      String username, String displayName, String passwordHash, Role role, Instant createdAt) {
    if (!username.equals(Credentials.username(username))) {
      throw new IllegalArgumentException("Username is not canonical: " + username);
    }
    this.username = username;
    this.displayName = Credentials.displayName(displayName);
    this.passwordHash = passwordHash;
    this.role = role;
    this.status = AccountStatus.ACTIVE;
    this.createdAt = createdAt;
  }

  /** The next login must set a new password (one-time and administrator-set passwords). */
  public void requirePasswordChange() {
    this.passwordChangeRequired = true;
  }

  public void changePassword(String newHash) {
    this.passwordHash = newHash;
    this.passwordChangeRequired = false;
  }

  /**
   * The person's right to erasure: their name becomes {@code pseudonym} everywhere it is shown (the
   * medical record keeps their messages under it), the username is freed, and the account can never
   * log in again. {@code unusableHash} is the hash of a password nobody knows.
   */
  public void erase(String pseudonym, String unusableHash) {
    this.username = "erased-" + id;
    this.displayName = Credentials.displayName(pseudonym);
    this.passwordHash = unusableHash;
    this.passwordChangeRequired = false;
    this.status = AccountStatus.ERASED;
  }

  public boolean isErased() {
    return status == AccountStatus.ERASED;
  }

  /** Refuses new logins and voids the current ones; history and name stay. */
  public void disable(Instant now) {
    this.status = AccountStatus.DISABLED;
    endLogins(now);
  }

  public void enable() {
    this.status = AccountStatus.ACTIVE;
  }

  /** A password an administrator set: the person must replace it, and older logins end. */
  public void resetPassword(String newHash, Instant now) {
    this.passwordHash = newHash;
    this.passwordChangeRequired = true;
    endLogins(now);
  }

  /** Logins carry their role from the moment they were made, so they end with the change. */
  public void changeRole(Role newRole, Instant now) {
    this.role = newRole;
    endLogins(now);
  }

  /** Every login made before {@code now} is void, on every node. */
  public void endLogins(Instant now) {
    this.loginsValidFrom = now;
  }

  public Instant loginsValidFrom() {
    return loginsValidFrom;
  }

  public Long id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String displayName() {
    return displayName;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public Role role() {
    return role;
  }

  public AccountStatus status() {
    return status;
  }

  public boolean passwordChangeRequired() {
    return passwordChangeRequired;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public boolean isStaff() {
    return role == Role.STAFF || role == Role.ADMIN;
  }

  public Instant lastSeenAt() {
    return lastSeenAt;
  }

  public boolean sharesReadReceipts() {
    return sharesReadReceipts;
  }

  public void shareReadReceipts(boolean share) {
    this.sharesReadReceipts = share;
  }

  public Optional<String> language() {
    return Optional.ofNullable(language);
  }

  public void chooseLanguage(String tag) {
    this.language = tag;
  }

  public boolean isActive() {
    return status == AccountStatus.ACTIVE;
  }
}
