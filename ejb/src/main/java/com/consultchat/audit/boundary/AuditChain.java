package com.consultchat.audit.boundary;

import com.consultchat.account.boundary.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Verifies the audit log's hash chain. The database links each row as it is written and walks the
 * chain here ({@code audit_chain_verify}, one snapshot), so the check and the writing share one
 * definition of a row's canonical form.
 */
@Stateless
@RolesAllowed("ADMIN")
public class AuditChain {

  @Inject EntityManager em;
  @Inject AuditLog auditLog;

  public ChainCheck verify(Caller caller) {
    AuditTrail.requireAdmin(caller);
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "select checked, broken_id,"
                        + " (extract(epoch from broken_at) * 1000000)::bigint, reason"
                        + " from audit_chain_verify()")
                .getSingleResult();
    long checked = ((Number) row[0]).longValue();
    Long brokenId = row[1] == null ? null : ((Number) row[1]).longValue();
    Instant brokenAt =
        row[2] == null
            ? null
            : Instant.EPOCH.plus(((Number) row[2]).longValue(), ChronoUnit.MICROS);
    ChainCheck check =
        row[3] == null
            ? new ChainCheck(true, checked, null, null, null)
            : new ChainCheck(
                false, checked, brokenId, brokenAt, ChainCheck.Break.valueOf((String) row[3]));
    auditLog.record(
        caller,
        true,
        AuditAction.AUDIT_CHAIN_VERIFIED,
        AuditTarget.AUDIT_LOG,
        brokenId,
        check.describe());
    return check;
  }
}
