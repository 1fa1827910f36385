package com.consultchat.account.boundary;

import com.consultchat.account.control.OneTimeCodes;
import com.consultchat.account.control.SecondFactorCheck;
import com.consultchat.account.entity.Account;
import com.consultchat.account.entity.RecoveryCode;
import com.consultchat.account.entity.SecondFactor;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.platform.boundary.Settings;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * A person's own second factor: set up (confirmed with a first code, which also yields the recovery
 * codes), switched off with a code, and removed by an administrator for someone who lost both phone
 * and recovery codes. Every change is audited.
 */
@Stateless
public class SecondFactors {

  @Inject EntityManager em;
  @Inject OneTimeCodes codes;
  @Inject SecondFactorCheck check;
  @Inject Settings settings;
  @Inject Clock clock;
  @Inject Event<LoginRecorded> recorded;

  public boolean enabled(Caller caller) {
    return check.enabled(caller.id());
  }

  /** The clinic requires a second factor of staff and administrators. */
  public boolean requiredForStaff() {
    return settings.secondFactorRequired();
  }

  /** This person must set up a second factor before anything else (a setting, for staff). */
  public boolean setupRequired(Caller caller) {
    return settings.secondFactorRequired() && caller.isStaff() && !enabled(caller);
  }

  /** Recovery codes not used yet. */
  public long recoveryCodesLeft(Caller caller) {
    return em.createNamedQuery(RecoveryCode.UNUSED, Long.class)
        .setParameter("account", caller.id())
        .getSingleResult();
  }

  /**
   * The secret to put into the app; the same one until it is confirmed, so a reloaded page shows
   * the QR code the person may already have scanned.
   */
  public Enrolment begin(Caller caller) {
    SecondFactor factor = em.find(SecondFactor.class, caller.id(), LockModeType.PESSIMISTIC_WRITE);
    if (factor != null && factor.confirmed()) {
      throw Refused.conflict("account.two-step-already-on");
    }
    if (factor == null) {
      factor = new SecondFactor(caller.id(), codes.newSecret(), clock.instant());
      em.persist(factor);
    }
    return new Enrolment(caller.username(), factor.secret());
  }

  /**
   * Turns the second factor on with a first code from the app, and returns the recovery codes,
   * which are shown this once and kept only as hashes.
   */
  public List<String> confirm(Caller caller, String code, String address) {
    SecondFactor factor = em.find(SecondFactor.class, caller.id(), LockModeType.PESSIMISTIC_WRITE);
    if (factor == null || factor.confirmed()) {
      throw Refused.conflict("account.two-step-restart");
    }
    Instant now = clock.instant();
    OptionalLong step = codes.match(factor.secret(), code, now, factor.lastStep());
    if (step.isEmpty()) {
      throw Refused.invalid("account.two-step-code-mismatch");
    }
    factor.accepted(step.getAsLong(), now);
    List<String> recovery = codes.newRecoveryCodes();
    em.createNamedQuery(RecoveryCode.DELETE_ALL)
        .setParameter("account", caller.id())
        .executeUpdate();
    recovery.forEach(each -> em.persist(new RecoveryCode(caller.id(), OneTimeCodes.hash(each))));
    recorded.fire(
        new LoginRecorded(LoginRecorded.Kind.SECOND_FACTOR_ENABLED, caller, null, address, null));
    return recovery;
  }

  /**
   * Turns it off with a current code (or a recovery code), where the clinic does not require it.
   */
  public void disable(Caller caller, String code, String address) {
    if (settings.secondFactorRequired() && caller.isStaff()) {
      throw Refused.forbidden("account.two-step-required");
    }
    if (check.spend(caller.id(), code, clock.instant()) == SecondFactorCheck.Result.WRONG) {
      throw Refused.invalid("account.two-step-stays-on");
    }
    remove(caller.id());
    recorded.fire(
        new LoginRecorded(LoginRecorded.Kind.SECOND_FACTOR_DISABLED, caller, null, address, null));
  }

  /** An administrator removes someone's second factor; they set it up again at their next login. */
  public void reset(Caller admin, long accountId, String address) {
    if (admin == null || !admin.isAdmin()) {
      throw Refused.forbidden("account.admin-only");
    }
    Account account = em.find(Account.class, accountId);
    if (account == null) {
      throw Refused.notFound("account.missing");
    }
    if (!check.enabled(accountId)) {
      throw Refused.conflict("account.no-two-step");
    }
    remove(accountId);
    recorded.fire(
        new LoginRecorded(
            LoginRecorded.Kind.SECOND_FACTOR_RESET, Caller.of(account), admin, address, null));
  }

  private void remove(long accountId) {
    em.createNamedQuery(RecoveryCode.DELETE_ALL).setParameter("account", accountId).executeUpdate();
    SecondFactor factor = em.find(SecondFactor.class, accountId);
    if (factor != null) {
      em.remove(factor);
    }
  }
}
