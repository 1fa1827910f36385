package com.consultchat.audit.control;

import com.consultchat.audit.boundary.AuditFilter;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit log's query for a filter: only the parts given become conditions, each bound as a
 * parameter. Newest first; the id breaks ties of the same instant.
 */
public final class AuditSearch {

  private final String where;
  private final Map<String, Object> parameters;

  public AuditSearch(AuditFilter filter) {
    List<String> conditions = new ArrayList<>();
    parameters = new LinkedHashMap<>();
    add(conditions, "e.actorUsername = :actor", "actor", filter.actor());
    add(conditions, "e.targetType = :targetType", "targetType", filter.targetType());
    add(conditions, "e.targetId = :targetId", "targetId", filter.targetId());
    add(conditions, "e.action = :action", "action", filter.action());
    add(conditions, "e.occurredAt >= :from", "from", filter.from());
    add(conditions, "e.occurredAt < :until", "until", filter.until());
    where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
  }

  private void add(List<String> conditions, String condition, String name, Object value) {
    if (value != null) {
      conditions.add(condition);
      parameters.put(name, value);
    }
  }

  public <T> TypedQuery<T> entries(EntityManager em, Class<T> type) {
    return bound(
        em.createQuery(
            "select e from AuditEvent e" + where + " order by e.occurredAt desc, e.id desc", type));
  }

  public TypedQuery<Long> count(EntityManager em) {
    return bound(em.createQuery("select count(e) from AuditEvent e" + where, Long.class));
  }

  private <T> TypedQuery<T> bound(TypedQuery<T> query) {
    parameters.forEach(query::setParameter);
    return query;
  }
}
