package com.consultchat.retention.boundary;

import com.consultchat.account.boundary.Accounts;
import com.consultchat.account.boundary.Caller;
import com.consultchat.audit.boundary.AuditAction;
import com.consultchat.audit.boundary.AuditLog;
import com.consultchat.audit.boundary.AuditTarget;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.retention.control.PurgeSelection;
import com.consultchat.retention.entity.LegalHold;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;

/**
 * Administrators place and release legal holds. A hold on a consultation keeps it whole; a hold on
 * a person keeps every consultation they took part in and their room posts. Both are audited; the
 * reason stays in the hold, not in the audit trail.
 */
@Stateless
public class LegalHolds {

  @Inject EntityManager em;
  @Inject Accounts accounts;
  @Inject PurgeSelection selection;
  @Inject AuditLog audit;
  @Inject Clock clock;

  public List<HoldItem> active(Caller caller) {
    requireAdmin(caller);
    return em.createNamedQuery(LegalHold.ACTIVE, LegalHold.class)
        .getResultStream()
        .map(
            hold ->
                new HoldItem(
                    hold.id(),
                    hold.consultationId(),
                    hold.accountId(),
                    hold.accountId() == null
                        ? null
                        : accounts.caller(hold.accountId()).map(Caller::username).orElse("?"),
                    hold.reason(),
                    hold.placedAt()))
        .toList();
  }

  public HoldItem holdConsultation(Caller caller, long consultationId, String reason) {
    requireAdmin(caller);
    if (!selection.consultationExists(consultationId)) {
      throw Refused.notFound("hold.consultation.not.found", consultationId);
    }
    if (count(LegalHold.ACTIVE_ON_CONSULTATION, "consultation", consultationId) > 0) {
      throw Refused.conflict("hold.consultation.already", consultationId);
    }
    LegalHold hold = LegalHold.onConsultation(consultationId, reason, caller.id(), clock.instant());
    em.persist(hold);
    em.flush();
    audit.record(
        caller,
        true,
        AuditAction.LEGAL_HOLD_PLACED,
        AuditTarget.CONSULTATION,
        consultationId,
        "hold " + hold.id());
    return new HoldItem(hold.id(), consultationId, null, null, hold.reason(), hold.placedAt());
  }

  public HoldItem holdPerson(Caller caller, String username, String reason) {
    requireAdmin(caller);
    Caller person =
        accounts
            .caller(username == null ? "" : username.strip())
            .orElseThrow(() -> Refused.notFound("hold.account.not.found"));
    if (count(LegalHold.ACTIVE_ON_ACCOUNT, "account", person.id()) > 0) {
      throw Refused.conflict("hold.account.already", person.username());
    }
    LegalHold hold = LegalHold.onAccount(person.id(), reason, caller.id(), clock.instant());
    em.persist(hold);
    em.flush();
    audit.record(
        caller,
        true,
        AuditAction.LEGAL_HOLD_PLACED,
        AuditTarget.ACCOUNT,
        person.id(),
        "hold " + hold.id() + " on " + person.username());
    return new HoldItem(
        hold.id(), null, person.id(), person.username(), hold.reason(), hold.placedAt());
  }

  public void release(Caller caller, long holdId) {
    requireAdmin(caller);
    LegalHold hold = em.find(LegalHold.class, holdId);
    if (hold == null) {
      throw Refused.notFound("hold.not.found");
    }
    hold.release(caller.id(), clock.instant());
    boolean consultation = hold.consultationId() != null;
    audit.record(
        caller,
        true,
        AuditAction.LEGAL_HOLD_RELEASED,
        consultation ? AuditTarget.CONSULTATION : AuditTarget.ACCOUNT,
        consultation ? hold.consultationId() : hold.accountId(),
        "hold " + hold.id());
  }

  private long count(String query, String parameter, long id) {
    return em.createNamedQuery(query, Long.class).setParameter(parameter, id).getSingleResult();
  }

  static void requireAdmin(Caller caller) {
    if (!caller.isAdmin()) {
      throw Refused.forbidden("hold.forbidden");
    }
  }
}
