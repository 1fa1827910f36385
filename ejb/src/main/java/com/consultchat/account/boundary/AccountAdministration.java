package com.consultchat.account.boundary;

import com.consultchat.account.control.LoginThrottles;
import com.consultchat.account.control.OneTimePasswords;
import com.consultchat.account.control.PasswordHasher;
import com.consultchat.account.entity.Account;
import com.consultchat.account.entity.AccountStatus;
import com.consultchat.account.entity.SecondFactor;
import com.consultchat.platform.boundary.Notification;
import com.consultchat.platform.boundary.Refused;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The administrator's account lifecycle: find, disable, enable, reset a password, change a role.
 * Each change fires {@link AccountChanged} inside its transaction, so its audit row (and, for a
 * disabled member of staff, the hand-over of their consultations) commits with it or not at all.
 * Nobody can disable or demote themselves, nor the last active administrator: the clinic would be
 * left without anyone to undo it.
 */
@Stateless
public class AccountAdministration {

  private static final int MAX_PAGE = 100;

  @Inject EntityManager em;
  @Inject PasswordHasher hasher;
  @Inject LoginThrottles throttles;
  @Inject Event<AccountChanged> changed;
  @Inject Event<Notification> notifications;
  @Inject Clock clock;

  public AccountPage find(Caller admin, AccountQuery query) {
    requireAdmin(admin);
    Instant now = clock.instant();
    StringBuilder where = new StringBuilder(" where 1 = 1");
    Map<String, Object> parameters = new HashMap<>();
    String text = query.text() == null ? "" : query.text().strip().toLowerCase(Locale.ROOT);
    if (!text.isEmpty()) {
      where.append(
          " and (lower(a.username) like :start escape '!' or lower(a.displayName) like :start"
              + " escape '!' or lower(a.displayName) like :word escape '!')");
      String escaped = text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
      parameters.put("start", escaped + "%");
      parameters.put("word", "% " + escaped + "%");
    }
    if (query.role() != null) {
      where.append(" and a.role = :role");
      parameters.put("role", query.role());
    }
    if (query.status() != null) {
      where.append(" and a.status = :status");
      parameters.put("status", query.status().stored());
    }
    if (query.status() == AccountQuery.Status.LOCKED) {
      Set<String> locked = throttles.lockedUsernames(now);
      if (locked.isEmpty()) {
        return new AccountPage(List.of(), 0);
      }
      where.append(" and a.username in :locked");
      parameters.put("locked", locked);
    }
    if (query.among() != null) {
      if (query.among().isEmpty()) {
        return new AccountPage(List.of(), 0);
      }
      where.append(" and a.id in :among");
      parameters.put("among", query.among());
    }
    TypedQuery<Long> count = em.createQuery("select count(a) from Account a" + where, Long.class);
    TypedQuery<Account> rows =
        em.createQuery(
            "select a from Account a" + where + " order by a.createdAt desc, a.id desc",
            Account.class);
    parameters.forEach(
        (name, value) -> {
          count.setParameter(name, value);
          rows.setParameter(name, value);
        });
    long total = count.getSingleResult();
    List<Account> accounts =
        rows.setFirstResult(Math.max(0, query.first()))
            .setMaxResults(Math.max(1, Math.min(MAX_PAGE, query.size())))
            .getResultList();
    Set<Long> twoStep =
        Set.copyOf(
            em.createNamedQuery(SecondFactor.CONFIRMED_ACCOUNTS, Long.class).getResultList());
    List<AccountSummary> summaries = new ArrayList<>();
    for (Account account : accounts) {
      summaries.add(
          AccountSummary.of(
              account,
              throttles.lockedUntil(account.username(), now).orElse(null),
              twoStep.contains(account.id())));
    }
    return new AccountPage(summaries, total);
  }

  /**
   * Disables an account: no more logins, and every current one ends. A member of staff's open
   * consultations go to {@code handTo}, or back to the queue when it is null.
   */
  public void disable(Caller admin, long accountId, Long handTo, String address) {
    Account account = changeable(admin, accountId, "account.own-disable");
    if (!account.isActive()) {
      throw Refused.conflict("account.already-disabled", account.username());
    }
    if (handTo != null && handTo == accountId) {
      throw Refused.invalid("account.hand-to-self");
    }
    keepAnAdministrator(account);
    account.disable(clock.instant());
    String detail =
        "disabled "
            + account.username()
            + (!account.isStaff()
                ? ""
                : handTo == null
                    ? "; open consultations back to the queue"
                    : "; open consultations to account " + handTo);
    announce(account);
    changed.fire(
        new AccountChanged(
            AccountChanged.Kind.DISABLED, admin, Caller.of(account), handTo, address, detail));
  }

  public void enable(Caller admin, long accountId, String address) {
    requireAdmin(admin);
    Account account = locked(accountId);
    if (account.isActive()) {
      throw Refused.conflict("account.already-active", account.username());
    }
    account.enable();
    changed.fire(
        new AccountChanged(
            AccountChanged.Kind.ENABLED,
            admin,
            Caller.of(account),
            null,
            address,
            "enabled " + account.username()));
  }

  /**
   * Sets a one-time password and returns it, to be shown to the administrator once and never stored
   * in clear. The person must replace it at their next login; their current logins end.
   */
  public String resetPassword(Caller admin, long accountId, String address) {
    requireAdmin(admin);
    String password = OneTimePasswords.next();
    // Hashed before the first query, so that no database connection waits for the hashing pool.
    String hash = hasher.hash(password);
    Account account = locked(accountId);
    account.resetPassword(hash, clock.instant());
    throttles.unlock(account.username());
    announce(account);
    changed.fire(
        new AccountChanged(
            AccountChanged.Kind.PASSWORD_RESET,
            admin,
            Caller.of(account),
            null,
            address,
            "one-time password set for " + account.username()));
    return password;
  }

  /** Their current logins end: a login carries the role it was made with. */
  public void changeRole(Caller admin, long accountId, Role role, String address) {
    if (role == null) {
      throw Refused.invalid("account.role-needed");
    }
    Account account = changeable(admin, accountId, "account.own-role");
    Role before = account.role();
    if (before == role) {
      throw Refused.conflict("account.role-same", account.username());
    }
    if (before == Role.ADMIN) {
      keepAnAdministrator(account);
    }
    account.changeRole(role, clock.instant());
    announce(account);
    changed.fire(
        new AccountChanged(
            AccountChanged.Kind.ROLE_CHANGED,
            admin,
            Caller.of(account),
            null,
            address,
            account.username() + ": " + before + " to " + role));
  }

  /** Whether the account's open consultations need a decision when it is disabled. */
  public boolean isStaff(Caller admin, long accountId) {
    requireAdmin(admin);
    Account account = em.find(Account.class, accountId);
    return account != null && account.isStaff();
  }

  /** After commit, this node's web layer ends the person's sessions and sockets at once. */
  private void announce(Account account) {
    notifications.fire(
        new LoginsEnded(account.id(), account.loginsValidFrom(), !account.isActive()));
  }

  private Account changeable(Caller admin, long accountId, String ownKey) {
    requireAdmin(admin);
    if (admin.id() == accountId) {
      throw Refused.forbidden(ownKey);
    }
    return locked(accountId);
  }

  private Account locked(long accountId) {
    Account account = em.find(Account.class, accountId, LockModeType.PESSIMISTIC_WRITE);
    if (account == null) {
      throw Refused.notFound("account.missing");
    }
    if (account.isErased()) {
      // Erasure is final: the person asked for it and an administrator carried it out.
      throw Refused.conflict("account.erased");
    }
    return account;
  }

  /**
   * The active administrators are locked too, so that two administrators demoting each other at
   * once cannot leave none.
   */
  private void keepAnAdministrator(Account account) {
    if (account.role() != Role.ADMIN || !account.isActive()) {
      return;
    }
    List<Account> admins =
        em.createQuery(
                "select a from Account a where a.role = :role and a.status = :status",
                Account.class)
            .setParameter("role", Role.ADMIN)
            .setParameter("status", AccountStatus.ACTIVE)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            .getResultList();
    if (admins.size() <= 1) {
      throw Refused.conflict("account.last-admin");
    }
  }

  private static void requireAdmin(Caller caller) {
    if (caller == null || !caller.isAdmin()) {
      throw Refused.forbidden("account.admin-only");
    }
  }
}
