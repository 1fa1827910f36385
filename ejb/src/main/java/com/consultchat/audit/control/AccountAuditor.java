package com.consultchat.audit.control;

import com.consultchat.account.boundary.AccountChanged;
import com.consultchat.audit.boundary.AuditAction;
import com.consultchat.audit.boundary.AuditLog;
import com.consultchat.audit.boundary.AuditTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Writes an administrator's change of an account to the audit trail, inside the change's own
 * transaction: no change without its row, no row for a change that rolled back.
 */
@ApplicationScoped
public class AccountAuditor {

  @Inject AuditLog auditLog;

  void record(@Observes AccountChanged event) {
    String detail =
        event.address() == null ? event.detail() : event.detail() + " from " + event.address();
    auditLog.record(
        event.admin(),
        true,
        action(event.kind()),
        AuditTarget.ACCOUNT,
        event.account().id(),
        detail);
  }

  private static AuditAction action(AccountChanged.Kind kind) {
    return switch (kind) {
      case CREATED -> AuditAction.ACCOUNT_CREATED;
      case DISABLED -> AuditAction.ACCOUNT_DISABLED;
      case ENABLED -> AuditAction.ACCOUNT_ENABLED;
      case ROLE_CHANGED -> AuditAction.ACCOUNT_ROLE_CHANGED;
      case PASSWORD_RESET -> AuditAction.PASSWORD_RESET;
    };
  }
}
