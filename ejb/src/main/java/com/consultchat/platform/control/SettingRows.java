package com.consultchat.platform.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.query.NativeQuery;

/** The {@code setting} table: values administrators stored, by setting name. */
@Stateless
public class SettingRows {

  @Inject EntityManager em;

  /**
   * Every stored value. Outside the caller's transaction, so a caller whose transaction has failed
   * still reads, and the read never holds up its commit.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Map<String, String> all() {
    @SuppressWarnings("unchecked")
    List<Object[]> rows = em.createNativeQuery("select name, value from setting").getResultList();
    Map<String, String> values = new HashMap<>();
    rows.forEach(row -> values.put((String) row[0], (String) row[1]));
    return values;
  }

  /** The stored value, read in the caller's transaction, or null. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public String stored(String name) {
    @SuppressWarnings("unchecked")
    List<String> values =
        em.createNativeQuery("select value from setting where name = ?1 for update")
            .setParameter(1, name)
            .getResultList();
    return values.isEmpty() ? null : values.get(0);
  }

  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void store(String name, String value, long changedBy, Instant at) {
    synced(
            em.createNativeQuery(
                "insert into setting (name, value, changed_at, changed_by) values (?1, ?2, ?3, ?4)"
                    + " on conflict (name) do update set value = excluded.value,"
                    + " changed_at = excluded.changed_at, changed_by = excluded.changed_by"))
        .setParameter(1, name)
        .setParameter(2, value)
        .setParameter(3, at)
        .setParameter(4, changedBy)
        .executeUpdate();
  }

  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public boolean remove(String name) {
    return synced(em.createNativeQuery("delete from setting where name = ?1"))
            .setParameter(1, name)
            .executeUpdate()
        > 0;
  }

  /** Keeps Hibernate from emptying the whole second-level cache after a native update. */
  private static Query synced(Query query) {
    query.unwrap(NativeQuery.class).addSynchronizedQuerySpace("setting");
    return query;
  }
}
