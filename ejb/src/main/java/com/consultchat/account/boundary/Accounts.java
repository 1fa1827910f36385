package com.consultchat.account.boundary;

import com.consultchat.account.control.LoginThrottles;
import com.consultchat.account.control.PasswordHasher;
import com.consultchat.account.entity.Account;
import com.consultchat.account.entity.Credentials;
import com.consultchat.account.entity.SecondFactor;
import com.consultchat.platform.boundary.Refused;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Sign-up, staff accounts and passwords. Checking a login is {@link Logins}. */
@Stateless
public class Accounts {

  @Inject EntityManager em;
  @Inject PasswordHasher hasher;
  @Inject LoginThrottles throttles;
  @Inject Clock clock;
  @Inject Event<AccountChanged> changed;

  public Caller registerPatient(String username, String displayName, String password) {
    return create(username, displayName, password, Role.PATIENT, false);
  }

  /**
   * Administrators create staff; the staff member sets an own password at first login. Audited
   * ({@link AccountChanged}).
   */
  public Caller createStaff(
      Caller admin, String username, String displayName, String initialPassword, String address) {
    requireAdmin(admin);
    Caller staff = create(username, displayName, initialPassword, Role.STAFF, true);
    changed.fire(
        new AccountChanged(
            AccountChanged.Kind.CREATED,
            admin,
            staff,
            null,
            address,
            "created staff account " + staff.username()));
    return staff;
  }

  public Optional<Caller> caller(String username) {
    return find(username).map(Caller::of);
  }

  /** The person behind an id, for records made on their behalf (an alert their message raised). */
  public Optional<Caller> caller(long accountId) {
    return Optional.ofNullable(em.find(Account.class, accountId)).map(Caller::of);
  }

  /** The person behind an id while their account may be used (not disabled, not erased). */
  public Optional<Caller> activeCaller(long accountId) {
    return Optional.ofNullable(em.find(Account.class, accountId))
        .filter(Account::isActive)
        .map(Caller::of);
  }

  public boolean passwordChangeRequired(Caller caller) {
    return account(caller).passwordChangeRequired();
  }

  public void changePassword(Caller caller, String currentPassword, String newPassword) {
    Account account = account(caller);
    if (currentPassword == null || !hasher.verify(currentPassword, account.passwordHash())) {
      throw Refused.invalid("account.password-wrong");
    }
    if (currentPassword.equals(newPassword)) {
      throw Refused.invalid("account.password-same");
    }
    Credentials.checkPassword(newPassword, account.username());
    account.changePassword(hasher.hash(newPassword));
  }

  /** Whether others see when this person has read their messages. */
  public boolean sharesReadReceipts(Caller caller) {
    return account(caller).sharesReadReceipts();
  }

  public void shareReadReceipts(Caller caller, boolean share) {
    account(caller).shareReadReceipts(share);
  }

  /** The language the person chose in the user menu, if any. */
  public Optional<String> language(Caller caller) {
    return account(caller).language();
  }

  /** Remembers a language for every device the person uses; the web tier checks the tag. */
  public void chooseLanguage(Caller caller, String tag) {
    account(caller).chooseLanguage(tag);
  }

  /**
   * Remembers when someone was last connected. A bulk update, so that it never collides with an
   * edit of the account itself.
   */
  public void seen(long accountId, Instant at) {
    em.createQuery(
            "update Account a set a.lastSeenAt = :at where a.id = :id"
                + " and (a.lastSeenAt is null or a.lastSeenAt < :at)")
        .setParameter("at", at)
        .setParameter("id", accountId)
        .executeUpdate();
  }

  /** Everyone still connected when the node stops was last seen now: one statement for them all. */
  public void seen(Collection<Long> accountIds, Instant at) {
    if (accountIds.isEmpty()) {
      return;
    }
    em.createQuery(
            "update Account a set a.lastSeenAt = :at where a.id in :ids"
                + " and (a.lastSeenAt is null or a.lastSeenAt < :at)")
        .setParameter("at", at)
        .setParameter("ids", accountIds)
        .executeUpdate();
  }

  public List<AccountSummary> all(Caller admin) {
    requireAdmin(admin);
    Instant now = clock.instant();
    Set<Long> twoStep =
        Set.copyOf(
            em.createNamedQuery(SecondFactor.CONFIRMED_ACCOUNTS, Long.class).getResultList());
    return em.createNamedQuery(Account.ALL, Account.class)
        .getResultStream()
        .map(
            account ->
                AccountSummary.of(
                    account,
                    throttles.lockedUntil(account.username(), now).orElse(null),
                    twoStep.contains(account.id())))
        .toList();
  }

  public boolean hasAdministrator() {
    return em.createNamedQuery(Account.COUNT_BY_ROLE, Long.class)
            .setParameter("role", Role.ADMIN)
            .getSingleResult()
        > 0;
  }

  /** Used once at first start, by the bootstrap, before anyone can log in. */
  public void createFirstAdministrator(String username, String password, boolean oneTime) {
    create(username, "Administrator", password, Role.ADMIN, oneTime);
  }

  /** For the opt-in demo: creates the account unless the username exists. */
  public boolean createIfMissing(String username, String displayName, String password, Role role) {
    if (find(username).isPresent()) {
      return false;
    }
    create(username, displayName, password, role, false);
    return true;
  }

  private Caller create(
      String rawUsername,
      String displayName,
      String password,
      Role role,
      boolean passwordChangeRequired) {
    String username = Credentials.username(rawUsername);
    String name = Credentials.displayName(displayName);
    Credentials.checkPassword(password, username);
    // Hashed before the first query, so that no database connection waits for the hashing pool.
    String hash = hasher.hash(password);
    if (find(username).isPresent()) {
      throw Refused.conflict("account.username-taken");
    }
    Account account = new Account(username, name, hash, role, clock.instant());
    if (passwordChangeRequired) {
      account.requirePasswordChange();
    }
    try {
      em.persist(account);
      em.flush();
    } catch (PersistenceException raceWithSameUsername) {
      throw Refused.conflict("account.username-taken");
    }
    return Caller.of(account);
  }

  private Optional<Account> find(String username) {
    if (username == null) {
      return Optional.empty();
    }
    return em.createNamedQuery(Account.BY_USERNAME, Account.class)
        .setParameter("username", username.strip().toLowerCase(Locale.ROOT))
        .getResultStream()
        .findFirst();
  }

  private Account account(Caller caller) {
    Account account = em.find(Account.class, caller.id());
    if (account == null) {
      throw Refused.notFound("account.gone");
    }
    return account;
  }

  private static void requireAdmin(Caller caller) {
    if (caller == null || !caller.isAdmin()) {
      throw Refused.forbidden("account.admin-only");
    }
  }
}
