package com.consultchat.account.control;

import com.consultchat.account.entity.RecoveryCode;
import com.consultchat.account.entity.SecondFactor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.OptionalLong;

/**
 * Checks a code against an account's second factor and spends it, in a transaction of its own under
 * the factor's row lock, so two requests with one code cannot both pass.
 */
@ApplicationScoped
public class SecondFactorCheck {

  /** How a code was taken. */
  public enum Result {
    APP_CODE,
    RECOVERY_CODE,
    WRONG
  }

  @Inject EntityManager em;
  @Inject OneTimeCodes codes;

  /** Whether the account logs in with a second factor (set up and confirmed). */
  public boolean enabled(long accountId) {
    SecondFactor factor = em.find(SecondFactor.class, accountId);
    return factor != null && factor.confirmed();
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Result spend(long accountId, String given, Instant now) {
    SecondFactor factor = em.find(SecondFactor.class, accountId, LockModeType.PESSIMISTIC_WRITE);
    if (factor == null || !factor.confirmed()) {
      return Result.WRONG;
    }
    OptionalLong step = codes.match(factor.secret(), given, now, factor.lastStep());
    if (step.isPresent()) {
      factor.accepted(step.getAsLong(), now);
      return Result.APP_CODE;
    }
    return spendRecoveryCode(accountId, given, now) ? Result.RECOVERY_CODE : Result.WRONG;
  }

  /** Spends an unused recovery code of the account; the caller holds the factor's row lock. */
  private boolean spendRecoveryCode(long accountId, String given, Instant now) {
    RecoveryCode.Key key = new RecoveryCode.Key(accountId, OneTimeCodes.hash(given));
    RecoveryCode recovery = em.find(RecoveryCode.class, key);
    if (recovery == null || recovery.used()) {
      return false;
    }
    recovery.use(now);
    return true;
  }
}
