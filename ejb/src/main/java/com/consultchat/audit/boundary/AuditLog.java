package com.consultchat.audit.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.audit.entity.AuditEvent;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;

/**
 * Appends to the audit trail; how every feature records an access. Only inside the caller's
 * transaction: the entry commits with the access it records, and a refused or failed access leaves
 * none.
 */
@Dependent
@Transactional(Transactional.TxType.MANDATORY)
public class AuditLog {

  @Inject EntityManager em;
  @Inject Clock clock;

  public void record(
      Caller actor,
      boolean adminAccess,
      AuditAction action,
      AuditTarget target,
      Long targetId,
      String detail) {
    em.persist(
        new AuditEvent(
            clock.instant(),
            actor.id(),
            actor.username(),
            actor.role(),
            adminAccess,
            action,
            target,
            targetId,
            detail));
  }

  /** A login event; {@code actor} is null when no account has the username that was tried. */
  public void login(
      Caller actor, AuditAction action, Long account, String clientAddress, String detail) {
    em.persist(
        AuditEvent.login(
            clock.instant(),
            actor == null ? null : actor.id(),
            actor == null ? null : actor.username(),
            actor == null ? null : actor.role(),
            action,
            account,
            clientAddress,
            detail));
  }

  /** Something about one consultation. */
  public void consultation(Caller actor, boolean adminAccess, AuditAction action, long id) {
    record(actor, adminAccess, action, AuditTarget.CONSULTATION, id, null);
  }
}
