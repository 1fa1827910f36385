package com.consultchat.messaging.control;

import com.consultchat.messaging.entity.Message;
import com.consultchat.platform.boundary.Refused;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

  /**
   * Locks conversations in the order of their ids, so that two groups of posts that share
   * conversations wait for each other instead of deadlocking; the members come with the row, as in
   * {@link #claim}.
   */
  private static final String LOCK =
      "select c.id, c.last_seq, c.closed_at is not null, (select string_agg(m.account_id::text,"
          + " ',') from conversation_member m where m.conversation_id = c.id) from conversation c"
          + " where c.id = any(?) order by c.id for update of c";

  /**
   * Claims the numbers a group used, for all its conversations at once; they are locked. The ids
   * are named twice so that the rows are found through the primary key: joined to the list alone,
   * the planner scanned the whole table, a table whose every post leaves a dead row version.
   */
  private static final String ADVANCE =
      "update conversation c set last_seq = c.last_seq + v.n"
          + " from unnest(?::bigint[], ?::int[]) as v(id, n)"
          + " where c.id = v.id and c.id = any(?::bigint[])";

  /**
   * One lookup per pair in the unique index on (sender_id, client_id). A subquery per pair, not a
   * join: joined to the list, the planner was free to hash the whole table, and did so while its
   * statistics still described a new, small table.
   */
  private static final String STORED_IDS =
      "select p.sender, p.client, (select m.id from message m where m.sender_id = p.sender"
          + " and m.client_id = p.client) from unnest(?::bigint[], ?::uuid[]) as p(sender, client)";

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
    return new Slot(((Number) row[0]).longValue(), (Boolean) row[1], ids((String) row[2]));
  }

  /** A conversation as a group of posts found it once locked: its last number, closed, members. */
  public record Locked(long lastSeq, boolean closed, Set<Long> members) {}

  /** A sender's client id: what makes a post unique. */
  public record ClientKey(long senderId, UUID clientId) {}

  /**
   * Locks these conversations (in the order of their ids) without claiming numbers yet: a group of
   * posts learns first which of its posts may be stored, then claims exactly as many numbers with
   * {@link #advance}. Unknown ids are missing from the answer.
   */
  public Map<Long, Locked> lock(Collection<Long> conversationIds) {
    return em.unwrap(Session.class)
        .doReturningWork(
            connection -> {
              Map<Long, Locked> locked = new HashMap<>();
              try (PreparedStatement query = connection.prepareStatement(LOCK)) {
                query.setArray(1, connection.createArrayOf("bigint", conversationIds.toArray()));
                try (ResultSet rows = query.executeQuery()) {
                  while (rows.next()) {
                    locked.put(
                        rows.getLong(1),
                        new Locked(rows.getLong(2), rows.getBoolean(3), ids(rows.getString(4))));
                  }
                }
              }
              return locked;
            });
  }

  /** Claims {@code used} numbers of each conversation, which this transaction has locked. */
  public void advance(Map<Long, Integer> used) {
    if (used.isEmpty()) {
      return;
    }
    em.unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement update = connection.prepareStatement(ADVANCE)) {
                update.setArray(1, array(connection, "bigint", used.keySet()));
                update.setArray(2, array(connection, "integer", used.values()));
                update.setArray(3, array(connection, "bigint", used.keySet()));
                update.executeUpdate();
              }
            });
  }

  /** The ids of the messages already stored under these client ids, in one statement. */
  public Map<ClientKey, Long> storedIds(Collection<ClientKey> keys) {
    return em.unwrap(Session.class)
        .doReturningWork(
            connection -> {
              Map<ClientKey, Long> stored = new HashMap<>();
              try (PreparedStatement query = connection.prepareStatement(STORED_IDS)) {
                query.setArray(
                    1,
                    array(connection, "bigint", keys.stream().map(ClientKey::senderId).toList()));
                query.setArray(
                    2, array(connection, "uuid", keys.stream().map(ClientKey::clientId).toList()));
                try (ResultSet rows = query.executeQuery()) {
                  while (rows.next()) {
                    long id = rows.getLong(3);
                    if (!rows.wasNull()) {
                      stored.put(new ClientKey(rows.getLong(1), rows.getObject(2, UUID.class)), id);
                    }
                  }
                }
              }
              return stored;
            });
  }

  private static java.sql.Array array(Connection connection, String type, Collection<?> values)
      throws SQLException {
    return connection.createArrayOf(type, values.toArray());
  }

  private static Set<Long> ids(String commaSeparated) {
    Set<Long> ids = new HashSet<>();
    if (commaSeparated != null) {
      for (String id : commaSeparated.split(",")) {
        ids.add(Long.parseLong(id));
      }
    }
    return ids;
  }
}
