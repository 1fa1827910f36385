package com.consultchat.audit.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.audit.entity.AuditEvent;
import com.consultchat.platform.boundary.Refused;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.Locale;

/**
 * The audit log, for administrators only. Reading it is itself recorded: who saw whose access is
 * health-related information too.
 */
@Stateless
@RolesAllowed("ADMIN")
public class AuditTrail {

  public static final int MAX_PAGE_SIZE = 200;

  @Inject EntityManager em;
  @Inject AuditLog auditLog;

  /**
   * Newest first. {@code consultation} and {@code actor} (a username) narrow the log when given.
   */
  public AuditPage page(Caller caller, Long consultation, String actor, int first, int size) {
    // The container checked the role of the authenticated principal; this checks the caller the
    // web layer resolved, so the two can never disagree silently.
    if (!caller.isAdmin()) {
      throw Refused.forbidden("Only administrators can read the audit log.");
    }
    if (first < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw Refused.invalid("A page has 1 to " + MAX_PAGE_SIZE + " entries.");
    }
    String username =
        actor == null || actor.isBlank() ? null : actor.strip().toLowerCase(Locale.ROOT);
    long total =
        filtered(em.createNamedQuery(AuditEvent.COUNT_MATCHING, Long.class), consultation, username)
            .getSingleResult();
    AuditPage page =
        new AuditPage(
            filtered(
                    em.createNamedQuery(AuditEvent.MATCHING, AuditEvent.class),
                    consultation,
                    username)
                .setFirstResult(first)
                .setMaxResults(size)
                .getResultStream()
                .map(AuditEntry::of)
                .toList(),
            total);
    auditLog.record(
        caller,
        true,
        AuditAction.AUDIT_LOG_READ,
        AuditTarget.AUDIT_LOG,
        null,
        "consultation="
            + (consultation == null ? "any" : consultation)
            + " actor="
            + (username == null ? "any" : username)
            + " from="
            + first);
    return page;
  }

  private static <T> TypedQuery<T> filtered(TypedQuery<T> query, Long consultation, String actor) {
    return query
        .setParameter("target", consultation)
        .setParameter("targetType", AuditTarget.CONSULTATION)
        .setParameter("actor", actor);
  }
}
