package com.consultchat.messaging.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.query.NativeQuery;

/**
 * Removes entries for good, as retention asks, and remembers which numbers went so that catch-up
 * can tell browsers. The database takes what points at a removed entry with it (its file with the
 * file's chunks and previews, pins, acknowledgements, reports), whichever feature owns those rows.
 * Nothing is numbered or pushed: no conversation row is locked, so the message path never waits for
 * a purge.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Purges {

  @Inject EntityManager em;

  /** Removes the entries with these numbers, sorted ascending; answers how many there were. */
  public int remove(long conversationId, List<Long> seqs, Instant at) {
    if (seqs.isEmpty()) {
      return 0;
    }
    int removed =
        only(
                "message",
                em.createNativeQuery(
                    "delete from message where conversation_id = :c and seq in (:seqs)"))
            .setParameter("c", conversationId)
            .setParameter("seqs", seqs)
            .executeUpdate();
    for (PurgedRange run : runs(seqs)) {
      record(conversationId, run, at);
    }
    return removed;
  }

  /** What was purged of this conversation, oldest first; adjacent runs are stored merged. */
  public List<PurgedRange> ranges(long conversationId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select from_seq, to_seq from purged_range where conversation_id = ?1"
                    + " order by from_seq")
            .setParameter(1, conversationId)
            .getResultList();
    return rows.stream()
        .map(row -> new PurgedRange(((Number) row[0]).longValue(), ((Number) row[1]).longValue()))
        .toList();
  }

  /** Runs of consecutive numbers in an ascending list. */
  public static List<PurgedRange> runs(List<Long> seqs) {
    List<PurgedRange> runs = new ArrayList<>();
    long from = -1;
    long to = -1;
    for (long seq : seqs) {
      if (from >= 0 && seq == to + 1) {
        to = seq;
      } else if (from < 0 || seq > to) {
        if (from >= 0) {
          runs.add(new PurgedRange(from, to));
        }
        from = seq;
        to = seq;
      }
    }
    if (from >= 0) {
      runs.add(new PurgedRange(from, to));
    }
    return runs;
  }

  /** Stores a run, joined with a stored run that ends just before or starts just after it. */
  private void record(long conversationId, PurgedRange run, Instant at) {
    long from = run.from();
    long to = run.to();
    List<?> before =
        em.createNativeQuery(
                "delete from purged_range where conversation_id = ?1 and to_seq = ?2"
                    + " returning from_seq")
            .setParameter(1, conversationId)
            .setParameter(2, from - 1)
            .getResultList();
    if (!before.isEmpty()) {
      from = ((Number) before.get(0)).longValue();
    }
    List<?> after =
        em.createNativeQuery(
                "delete from purged_range where conversation_id = ?1 and from_seq = ?2"
                    + " returning to_seq")
            .setParameter(1, conversationId)
            .setParameter(2, to + 1)
            .getResultList();
    if (!after.isEmpty()) {
      to = ((Number) after.get(0)).longValue();
    }
    only(
            "purged_range",
            em.createNativeQuery(
                "insert into purged_range (conversation_id, from_seq, to_seq, purged_at)"
                    + " values (?1, ?2, ?3, ?4)"))
        .setParameter(1, conversationId)
        .setParameter(2, from)
        .setParameter(3, to)
        .setParameter(4, at)
        .executeUpdate();
  }

  /**
   * Names the one table a statement changes: otherwise Hibernate empties the whole second-level
   * cache after every native update, the message path's cached memberships included.
   */
  static Query only(String table, Query query) {
    query.unwrap(NativeQuery.class).addSynchronizedQuerySpace(table);
    return query;
  }
}
