package com.consultchat.messaging.control;

import com.consultchat.messaging.entity.Message;
import com.consultchat.platform.boundary.Refused;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Numbers and stores posts. The numbering {@code UPDATE} locks the conversation row, so numbers are
 * gap-free and a concurrent resend of the same client id has committed (or waits) once it returns;
 * callers look the id up again after it. Only {@link MessageStream} claims numbers.
 */
@Dependent
public class MessageLog {

  /** Served by the unique index on (sender_id, client_id). */
  private static final String ANY_STORED =
      "select 1 from message where sender_id = ? and client_id = any(?) limit 1";

  @Inject EntityManager em;

  public Optional<Message> byClientId(long senderId, UUID clientId) {
    return em.createNamedQuery(Message.BY_CLIENT_ID, Message.class)
        .setParameter("sender", senderId)
        .setParameter("clientId", clientId)
        .getResultStream()
        .findFirst();
  }

  /** The entry with this number; refused if the conversation has none. */
  public Message at(long conversationId, long seq) {
    return em.createNamedQuery(Message.BY_SEQ, Message.class)
        .setParameter("conversation", conversationId)
        .setParameter("seq", seq)
        .getResultStream()
        .findFirst()
        .orElseThrow(() -> Refused.notFound("conversation.message.unknown"));
  }

  /**
   * Whether any of these client ids of the sender is stored already. Plain JDBC with one array
   * parameter: Hibernate translates a query with a list parameter anew for every length of the
   * list, and on the message path that translation cost more than the rest of the lookup. Nothing
   * of the sender's is waiting to be flushed when this runs: entries are persisted after these
   * checks.
   */
  public boolean anyStored(long senderId, Collection<UUID> clientIds) {
    return em.unwrap(Session.class)
        .doReturningWork(
            connection -> {
              try (PreparedStatement query = connection.prepareStatement(ANY_STORED)) {
                query.setLong(1, senderId);
                query.setArray(2, connection.createArrayOf("uuid", clientIds.toArray()));
                try (ResultSet found = query.executeQuery()) {
                  return found.next();
                }
              }
            });
  }

  /**
   * Numbers claimed for the next entries (the first of them; the rest follow without a gap), with
   * what the numbering statement saw of the conversation: whether it is closed and who its members
   * are.
   */
  public record Slot(long seq, boolean closed, Set<Long> members) {}

  /**
   * Locks the conversation and claims its next {@code count} numbers. One statement does what the
   * message path needs of the conversation row and its members, because each round trip to the
   * database is a large part of what a message costs.
   */
  public Slot claim(long conversationId, int count) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "update conversation c set last_seq = c.last_seq + ?2 where c.id = ?1"
                    + " returning c.last_seq - ?2 + 1, c.closed_at is not null,"
                    + " (select string_agg(m.account_id::text, ',') from conversation_member m"
                    + " where m.conversation_id = c.id)")
            .setParameter(1, conversationId)
            .setParameter(2, count)
            .getResultList();
    if (rows.isEmpty()) {
      throw Refused.notFound("conversation.unknown");
    }
    Object[] row = rows.get(0);
    Set<Long> members = new HashSet<>();
    if (row[2] != null) {
      for (String member : ((String) row[2]).split(",")) {
        members.add(Long.parseLong(member));
      }
    }
    return new Slot(((Number) row[0]).longValue(), (Boolean) row[1], members);
  }
}
