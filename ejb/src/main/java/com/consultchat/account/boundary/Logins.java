package com.consultchat.account.boundary;

import com.consultchat.account.control.LoginThrottles;
import com.consultchat.account.control.PasswordHasher;
import com.consultchat.account.control.SecondFactorCheck;
import com.consultchat.account.control.Throttle;
import com.consultchat.account.entity.Account;
import com.consultchat.platform.boundary.Refused;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks logins. Every attempt costs the same whether or not the username has an account (a dummy
 * hash stands in for a missing one), so neither the answer nor its time tells who is a patient
 * here. Throttled per username and per client address; every success, failure and lockout is
 * audited with the address. No transaction: the key derivation must not hold a database connection
 * while it waits for its pool; the audit writes its own.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Logins {

  /** Longer input is no username and no password of ours; cut before it costs anything. */
  private static final int MAX_INPUT = 200;

  @Inject EntityManager em;
  @Inject PasswordHasher hasher;
  @Inject LoginThrottles throttles;
  @Inject Event<LoginRecorded> recorded;
  @Inject Clock clock;
  @Inject SecondFactorCheck secondFactor;

  public LoginOutcome attempt(String rawUsername, String password, String address) {
    String username = key(rawUsername);
    String from = address == null ? "unknown" : address;
    Instant now = clock.instant();
    Throttle.Verdict verdict = throttles.check(username, from, now);
    if (verdict instanceof Throttle.Verdict.Locked locked) {
      return LoginOutcome.locked(locked.until());
    }
    if (verdict instanceof Throttle.Verdict.Wait wait) {
      return LoginOutcome.waitFor(wait.retryAfter());
    }
    Optional<Account> known = accountOf(username);
    Optional<Account> account = known.filter(Account::isActive);
    String given = password == null || password.length() > MAX_INPUT ? "" : password;
    boolean right;
    try {
      right =
          known.isPresent()
              ? hasher.verify(given, known.get().passwordHash())
              : hasher.verifyNobody(given);
    } catch (KeyDerivationBusy busy) {
      return LoginOutcome.busy();
    }
    if (right && account.isEmpty()) {
      // Only someone who knows the password learns that the account is disabled: the same hashing,
      // and a wrong password gets the same answer as for any other username.
      recorded.fire(
          new LoginRecorded(LoginRecorded.Kind.FAILED, Caller.of(known.get()), null, from, null));
      return LoginOutcome.disabled();
    }
    Caller caller = account.map(Caller::of).orElse(null);
    if (right && secondFactor.enabled(caller.id())) {
      // Not yet a success: the throttle goes on counting until the code is right too.
      return LoginOutcome.codeNeeded(caller);
    }
    if (right) {
      throttles.succeeded(username);
      recorded.fire(new LoginRecorded(LoginRecorded.Kind.SUCCEEDED, caller, null, from, null));
      return LoginOutcome.succeeded(caller);
    }
    Instant after = clock.instant();
    LoginThrottles.Lockouts lockouts = throttles.failed(username, from, after);
    recorded.fire(new LoginRecorded(LoginRecorded.Kind.FAILED, caller, null, from, null));
    lockouts
        .username()
        .ifPresent(
            until ->
                recorded.fire(
                    new LoginRecorded(LoginRecorded.Kind.LOCKED_OUT, caller, null, from, until)));
    lockouts
        .address()
        .ifPresent(
            until ->
                recorded.fire(
                    new LoginRecorded(
                        LoginRecorded.Kind.ADDRESS_LOCKED_OUT, caller, null, from, until)));
    return LoginOutcome.wrong();
  }

  /**
   * The second step of a login whose password was right: the code from the person's app, or one of
   * their recovery codes. Wrong codes count as failed logins of the account, so guessing codes ends
   * in the same lockout as guessing passwords.
   */
  public LoginOutcome secondStep(long accountId, String code, String address) {
    String from = address == null ? "unknown" : address;
    Optional<Account> account =
        Optional.ofNullable(em.find(Account.class, accountId)).filter(Account::isActive);
    if (account.isEmpty()) {
      return LoginOutcome.wrong();
    }
    Caller caller = Caller.of(account.get());
    String username = caller.username();
    Instant now = clock.instant();
    Throttle.Verdict verdict = throttles.check(username, from, now);
    if (verdict instanceof Throttle.Verdict.Locked locked) {
      return LoginOutcome.locked(locked.until());
    }
    if (verdict instanceof Throttle.Verdict.Wait wait) {
      return LoginOutcome.waitFor(wait.retryAfter());
    }
    String given = code == null || code.length() > MAX_INPUT ? "" : code;
    SecondFactorCheck.Result result = secondFactor.spend(accountId, given, now);
    if (result != SecondFactorCheck.Result.WRONG) {
      throttles.succeeded(username);
      if (result == SecondFactorCheck.Result.RECOVERY_CODE) {
        recorded.fire(
            new LoginRecorded(LoginRecorded.Kind.RECOVERY_CODE_USED, caller, null, from, null));
      }
      recorded.fire(new LoginRecorded(LoginRecorded.Kind.SUCCEEDED, caller, null, from, null));
      return LoginOutcome.succeeded(caller);
    }
    LoginThrottles.Lockouts lockouts = throttles.failed(username, from, clock.instant());
    recorded.fire(new LoginRecorded(LoginRecorded.Kind.CODE_FAILED, caller, null, from, null));
    lockouts
        .username()
        .ifPresent(
            until ->
                recorded.fire(
                    new LoginRecorded(LoginRecorded.Kind.LOCKED_OUT, caller, null, from, until)));
    return LoginOutcome.wrong();
  }

  /** An administrator lifts an account's lockout before it lifts itself. */
  public void unlock(Caller admin, long accountId, String address) {
    requireAdmin(admin);
    Account account = em.find(Account.class, accountId);
    if (account == null) {
      throw Refused.notFound("account.missing");
    }
    if (throttles.lockedUntil(account.username(), clock.instant()).isEmpty()) {
      throw Refused.conflict("account.not-locked");
    }
    throttles.unlock(account.username());
    recorded.fire(
        new LoginRecorded(LoginRecorded.Kind.UNLOCKED, Caller.of(account), admin, address, null));
  }

  /**
   * A session ended, by logging out or after inactivity ({@code idle}); audited with the address.
   * The account may be gone or disabled by then: the trail keeps the ending all the same.
   */
  public void ended(long accountId, boolean idle, String address) {
    Account account = em.find(Account.class, accountId);
    if (account != null) {
      recorded.fire(
          new LoginRecorded(
              idle ? LoginRecorded.Kind.LOGGED_OFF_IDLE : LoginRecorded.Kind.LOGGED_OUT,
              Caller.of(account),
              null,
              address,
              null));
    }
  }

  private Optional<Account> accountOf(String username) {
    return em.createNamedQuery(Account.BY_USERNAME, Account.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  private static String key(String raw) {
    String username = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
    return username.length() > MAX_INPUT ? username.substring(0, MAX_INPUT) : username;
  }

  private static void requireAdmin(Caller caller) {
    if (caller == null || !caller.isAdmin()) {
      throw Refused.forbidden("account.admin-only");
    }
  }
}
