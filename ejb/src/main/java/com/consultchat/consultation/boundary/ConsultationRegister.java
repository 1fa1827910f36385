package com.consultchat.consultation.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.audit.boundary.AuditAction;
import com.consultchat.audit.boundary.AuditLog;
import com.consultchat.audit.boundary.AuditTarget;
import com.consultchat.consultation.control.ConsultationLists;
import com.consultchat.platform.boundary.Refused;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Every consultation, for administrators. Looking through them is administrator access to health
 * information, so each page read is recorded in the audit trail.
 */
@Stateless
@RolesAllowed("ADMIN")
public class ConsultationRegister {

  public static final int MAX_PAGE_SIZE = 200;

  @Inject ConsultationLists lists;
  @Inject AuditLog auditLog;

  /** Newest first; {@code status} narrows the list when given. */
  public ConsultationPage page(Caller caller, ConsultationStatus status, int first, int size) {
    // The container checked the principal's role; this checks the caller the web layer resolved.
    if (!caller.isAdmin()) {
      throw Refused.forbidden("consultation.list.admins-only");
    }
    if (first < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw Refused.invalid("consultation.list.page-size", MAX_PAGE_SIZE);
    }
    ConsultationPage page =
        new ConsultationPage(
            lists.all(status, first, size).stream().map(ConsultationSummary::of).toList(),
            lists.count(status));
    auditLog.record(
        caller,
        true,
        AuditAction.CONSULTATIONS_LISTED,
        AuditTarget.CONSULTATION,
        null,
        "status=" + (status == null ? "any" : status.name()) + " from=" + first);
    return page;
  }
}
