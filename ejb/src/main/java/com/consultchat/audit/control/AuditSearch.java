package com.consultchat.audit.control;

import com.consultchat.audit.boundary.AuditFilter;
import com.consultchat.audit.entity.AuditEvent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit log's queries for a filter: only the parts given become conditions. Newest first; the
 * id breaks ties of the same instant.
 */
public final class AuditSearch {

  private final AuditFilter filter;

  public AuditSearch(AuditFilter filter) {
    this.filter = filter;
  }

  public TypedQuery<AuditEvent> entries(EntityManager em) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<AuditEvent> query = cb.createQuery(AuditEvent.class);
    Root<AuditEvent> e = query.from(AuditEvent.class);
    query
        .select(e)
        .where(conditions(cb, e))
        .orderBy(cb.desc(e.get("occurredAt")), cb.desc(e.get("id")));
    return em.createQuery(query);
  }

  public TypedQuery<Long> count(EntityManager em) {
    CriteriaBuilder cb = em.getCriteriaBuilder();
    CriteriaQuery<Long> query = cb.createQuery(Long.class);
    Root<AuditEvent> e = query.from(AuditEvent.class);
    query.select(cb.count(e)).where(conditions(cb, e));
    return em.createQuery(query);
  }

  private Predicate[] conditions(CriteriaBuilder cb, Root<AuditEvent> e) {
    List<Predicate> conditions = new ArrayList<>();
    if (filter.actor() != null) {
      conditions.add(cb.equal(e.get("actorUsername"), filter.actor()));
    }
    if (filter.targetType() != null) {
      conditions.add(cb.equal(e.get("targetType"), filter.targetType()));
    }
    if (filter.targetId() != null) {
      conditions.add(cb.equal(e.get("targetId"), filter.targetId()));
    }
    if (filter.action() != null) {
      conditions.add(cb.equal(e.get("action"), filter.action()));
    }
    if (filter.from() != null) {
      conditions.add(cb.greaterThanOrEqualTo(e.<Instant>get("occurredAt"), filter.from()));
    }
    if (filter.until() != null) {
      conditions.add(cb.lessThan(e.<Instant>get("occurredAt"), filter.until()));
    }
    return conditions.toArray(Predicate[]::new);
  }
}
