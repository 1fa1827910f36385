package com.consultchat.audit.boundary;

import com.consultchat.audit.entity.AuditEvent;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Who looked at a person's record: the audit events about their consultations, their files and
 * their account, oldest first. The feature that asks has established which objects are the person's
 * and that its caller may see this; only reads, so audit rows stay as written.
 */
@Stateless
public class AccessHistory {

  /** Enough for years of a busy record, and a bound on what one export holds. */
  static final int MAX = 10_000;

  @Inject EntityManager em;

  public List<AccessRecord> about(
      long accountId, Collection<Long> consultations, Collection<Long> files) {
    List<AccessRecord> records = new ArrayList<>();
    records.addAll(of(AuditTarget.ACCOUNT, List.of(accountId)));
    records.addAll(of(AuditTarget.CONSULTATION, consultations));
    records.addAll(of(AuditTarget.FILE, files));
    records.sort(Comparator.comparing(AccessRecord::occurredAt));
    return records.size() > MAX ? records.subList(records.size() - MAX, records.size()) : records;
  }

  private List<AccessRecord> of(AuditTarget type, Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return em.createQuery(
            "select e from AuditEvent e where e.targetType = :type and e.targetId in :ids"
                + " order by e.occurredAt desc, e.id desc",
            AuditEvent.class)
        .setParameter("type", type)
        .setParameter("ids", ids)
        .setMaxResults(MAX)
        .getResultStream()
        .map(
            e ->
                new AccessRecord(
                    e.occurredAt(),
                    e.actorId(),
                    e.actorUsername(),
                    e.actorRole() == null ? null : e.actorRole().name(),
                    e.adminAccess(),
                    e.action(),
                    e.targetType(),
                    e.targetId()))
        .toList();
  }
}
