package com.consultchat.messaging.control;

import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.QueryTimeoutException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.hibernate.Session;

/**
 * Gives a message-path transaction short database timeouts. A frame that waits on a locked row or a
 * stalled statement fails within seconds with a retryable error, and the web layer tries it again
 * later, instead of holding a thread and a connection for as long as the stall lasts. Bound with
 * {@code @Interceptors} to the boundary methods frames call; it runs inside their transaction, and
 * {@code SET LOCAL} makes the settings end with it, so the pooled connection goes back unchanged.
 *
 * <p>It also bounds how many message-path transactions hold a connection at once. The message path
 * has more threads than that, because a post waiting for its group commit holds none; the rest wait
 * here, briefly, so that pages and logins always find a connection of the datasource's ten.
 */
public class FailFast {

  /** Of the datasource's ten connections; two stay for pages and logins. */
  static final int CONNECTIONS_AT_ONCE = 8;

  /** As long as a wait for a row lock: past it the frame is answered busy and tried again. */
  static final long PERMIT_WAIT_SECONDS = 2;

  private static final Semaphore CONNECTIONS = new Semaphore(CONNECTIONS_AT_ONCE, true);

  /** A boundary this one calls holds the same transaction's connection: it takes no permit. */
  private static final ThreadLocal<Boolean> HOLDING = ThreadLocal.withInitial(() -> false);

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
    if (HOLDING.get()) {
      em.unwrap(Session.class).doWork(FailFast::shortTimeouts);
      return invocation.proceed();
    }
    if (!CONNECTIONS.tryAcquire(PERMIT_WAIT_SECONDS, TimeUnit.SECONDS)) {
      throw new QueryTimeoutException("Every connection of the message path is in use");
    }
    HOLDING.set(true);
    try {
      em.unwrap(Session.class).doWork(FailFast::shortTimeouts);
      return invocation.proceed();
    } finally {
      HOLDING.set(false);
      CONNECTIONS.release();
    }
  }

  private static void shortTimeouts(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(SHORT_TIMEOUTS);
    }
  }
}
