package com.consultchat.messaging.control;

import com.consultchat.messaging.boundary.ReceiptState;
import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The receipt table. Numbers only grow: the upsert keeps the greater of stored and new, so receipts
 * sent twice, late or out of order change nothing.
 */
@Dependent
public class ReceiptLog {

  private static final String UPSERT =
      "insert into receipt (conversation_id, account_id, delivered_seq, read_seq, updated_at)"
          + " values (?1, ?2, ?3, ?4, ?5)"
          + " on conflict (conversation_id, account_id) do update set"
          + " delivered_seq = greatest(receipt.delivered_seq, excluded.delivered_seq),"
          + " read_seq = greatest(receipt.read_seq, excluded.read_seq),"
          + " updated_at = excluded.updated_at"
          + " where receipt.delivered_seq < excluded.delivered_seq"
          + " or receipt.read_seq < excluded.read_seq";

  private static final String OF_CONVERSATION =
      "select account_id, delivered_seq, read_seq from receipt where conversation_id = ?1";

  @PersistenceContext EntityManager em;

  /** Raises the stored numbers; returns the new state if anything changed. */
  public Optional<ReceiptState> raise(
      long conversationId, long accountId, long delivered, long read, Instant now) {
    int changed =
        em.createNativeQuery(UPSERT)
            .setParameter(1, conversationId)
            .setParameter(2, accountId)
            .setParameter(3, delivered)
            .setParameter(4, read)
            .setParameter(5, Timestamp.from(now))
            .executeUpdate();
    if (changed == 0) {
      return Optional.empty();
    }
    return of(conversationId).stream().filter(state -> state.account() == accountId).findFirst();
  }

  public List<ReceiptState> of(long conversationId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(OF_CONVERSATION).setParameter(1, conversationId).getResultList();
    return rows.stream()
        .map(
            row ->
                new ReceiptState(
                    ((Number) row[0]).longValue(),
                    ((Number) row[1]).longValue(),
                    ((Number) row[2]).longValue()))
        .toList();
  }
}
