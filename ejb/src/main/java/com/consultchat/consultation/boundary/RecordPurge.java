package com.consultchat.consultation.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import org.hibernate.query.NativeQuery;

/**
 * The consultation's side of a retention purge: once its messages are gone, the record keeps no
 * health information either (subject, summary and handover notes), only a row that foreign keys and
 * the audit trail can still name, marked purged.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class RecordPurge {

  /** What a purged consultation is called wherever it is still listed. */
  public static final String PURGED_SUBJECT = "Removed after the retention period";

  @Inject EntityManager em;

  /** Empties a closed consultation; answers false (and changes nothing) unless it was closed. */
  public boolean forget(long consultationId, Instant at) {
    int changed =
        synced(
                "consultation",
                em.createNativeQuery(
                    "update consultation set subject = ?2, summary = '', purged_at = ?3,"
                        + " version = version + 1 where id = ?1 and status = 'CLOSED'"))
            .setParameter(1, consultationId)
            .setParameter(2, PURGED_SUBJECT)
            .setParameter(3, at)
            .executeUpdate();
    if (changed == 0) {
      return false;
    }
    synced("handover", em.createNativeQuery("delete from handover where consultation_id = ?1"))
        .setParameter(1, consultationId)
        .executeUpdate();
    return true;
  }

  /** Keeps Hibernate from emptying the whole second-level cache after a native update. */
  private static Query synced(String table, Query query) {
    query.unwrap(NativeQuery.class).addSynchronizedQuerySpace(table);
    return query;
  }
}
