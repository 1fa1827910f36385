package com.consultchat.messaging.control;

import com.consultchat.messaging.boundary.ReceiptState;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
      "select r.account_id, r.delivered_seq, r.read_seq, a.shares_read_receipts from receipt r"
          + " join account a on a.id = r.account_id where r.conversation_id = ?1";

  @Inject EntityManager em;

  /** Raises the stored numbers; returns the new state if anything changed. */
  public Optional<Stored> raise(
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
    return stored(conversationId).stream()
        .filter(stored -> stored.state().account() == accountId)
        .findFirst();
  }

  /**
   * Where every member stands, as {@code viewer} may see it: their own read position always, other
   * people's only if receipts are on for the deployment and that person shares them.
   */
  public List<ReceiptState> of(long conversationId, long viewer, boolean receiptsOn) {
    return stored(conversationId).stream()
        .map(
            stored ->
                stored.state().account() == viewer ? stored.state() : stored.seenBy(receiptsOn))
        .toList();
  }

  private List<Stored> stored(long conversationId) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(OF_CONVERSATION).setParameter(1, conversationId).getResultList();
    return rows.stream()
        .map(
            row ->
                new Stored(
                    new ReceiptState(
                        ((Number) row[0]).longValue(),
                        ((Number) row[1]).longValue(),
                        ((Number) row[2]).longValue()),
                    (Boolean) row[3]))
        .toList();
  }

  /** A member's receipt and whether they let others see when they read. */
  public record Stored(ReceiptState state, boolean sharesRead) {

    /** The receipt as others see it: read positions hidden unless shared. */
    public ReceiptState seenBy(boolean receiptsOn) {
      return receiptsOn && sharesRead
          ? state
          : new ReceiptState(state.account(), state.delivered(), 0);
    }
  }
}
