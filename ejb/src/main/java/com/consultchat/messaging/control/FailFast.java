package com.consultchat.messaging.control;

import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.hibernate.Session;

/**
 * Gives a message-path transaction short database timeouts. A frame that waits on a locked row or a
 * stalled statement fails within seconds with a retryable error, and the web layer tries it again
 * later, instead of holding a thread and a connection for as long as the stall lasts. Bound with
 * {@code @Interceptors} to the boundary methods frames call; it runs inside their transaction, and
 * {@code SET LOCAL} makes the settings end with it, so the pooled connection goes back unchanged.
 */
public class FailFast {

  /** Long enough for any ordinary wait on a conversation's row lock, short against a stall. */
  static final String LOCK_TIMEOUT = "2s";

  /** Every message-path statement is an indexed lookup or a short page; seconds mean a stall. */
  static final String STATEMENT_TIMEOUT = "5s";

  /**
   * Both in one round trip, on the transaction's own connection. Sent as plain JDBC: it runs before
   * every frame, and a JPA native query costs several times as much in mapping its (empty) result.
   */
  static final String SHORT_TIMEOUTS =
      "set local lock_timeout = '"
          + LOCK_TIMEOUT
          + "'; set local statement_timeout = '"
          + STATEMENT_TIMEOUT
          + "'";

  @Inject EntityManager em;

  @AroundInvoke
  Object withTimeouts(InvocationContext invocation) throws Exception {
    em.unwrap(Session.class).doWork(FailFast::shortTimeouts);
    return invocation.proceed();
  }

  private static void shortTimeouts(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(SHORT_TIMEOUTS);
    }
  }
}
