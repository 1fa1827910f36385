package com.consultchat.audit.control;

import com.consultchat.account.boundary.Caller;
import com.consultchat.account.boundary.LoginRecorded;
import com.consultchat.audit.boundary.AuditAction;
import com.consultchat.audit.boundary.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Writes login events to the audit trail. The login itself runs outside a transaction (see the
 * account feature's {@code Logins}), so each entry commits on its own.
 */
@ApplicationScoped
public class LoginAuditor {

  @Inject AuditLog auditLog;

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  void record(@Observes LoginRecorded event) {
    Caller account = event.account();
    Caller actor = event.actor() != null ? event.actor() : account;
    Long target = account == null ? null : account.id();
    auditLog.login(actor, action(event.kind()), target, event.address(), detail(event));
  }

  private static AuditAction action(LoginRecorded.Kind kind) {
    return switch (kind) {
      case SUCCEEDED -> AuditAction.LOGIN_SUCCEEDED;
      case FAILED -> AuditAction.LOGIN_FAILED;
      case LOCKED_OUT -> AuditAction.LOGIN_LOCKED_OUT;
      case ADDRESS_LOCKED_OUT -> AuditAction.LOGIN_ADDRESS_LOCKED_OUT;
      case UNLOCKED -> AuditAction.LOGIN_UNLOCKED;
      case CODE_FAILED -> AuditAction.LOGIN_CODE_FAILED;
      case RECOVERY_CODE_USED -> AuditAction.LOGIN_RECOVERY_CODE_USED;
      case SECOND_FACTOR_ENABLED -> AuditAction.SECOND_FACTOR_ENABLED;
      case SECOND_FACTOR_DISABLED -> AuditAction.SECOND_FACTOR_DISABLED;
      case SECOND_FACTOR_RESET -> AuditAction.SECOND_FACTOR_RESET;
      case LOGGED_OUT -> AuditAction.LOGGED_OUT;
      case LOGGED_OFF_IDLE -> AuditAction.LOGGED_OFF_IDLE;
    };
  }

  private static String detail(LoginRecorded event) {
    if (event.kind() == LoginRecorded.Kind.UNLOCKED) {
      return "unlocked " + event.account().username();
    }
    if (event.kind() == LoginRecorded.Kind.SECOND_FACTOR_RESET) {
      return "second factor of " + event.account().username() + " removed";
    }
    String who = event.account() == null ? "unknown username" : null;
    String until = event.lockedUntil() == null ? null : "locked until " + event.lockedUntil();
    if (who != null && until != null) {
      return who + ", " + until;
    }
    return who != null ? who : until;
  }
}
