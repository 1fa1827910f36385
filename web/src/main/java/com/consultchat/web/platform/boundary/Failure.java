package com.consultchat.web.platform.boundary;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Why a frame could not be handled, told from the exception alone: {@code kind} names it for the
 * log (an SQLState class or an exception type, never a message, which can quote row values), and
 * {@code retryable} says whether the same frame may succeed later without any change — the database
 * restarting, a connection lost, a lock or statement timeout, a full pool.
 */
public record Failure(String kind, String state, boolean retryable) {

  /**
   * SQLStates worth trying again: connection exceptions (08), transaction rollbacks such as
   * deadlocks and serialization failures (40) and insufficient resources (53) by class; lock
   * timeout, statement timeout and the server shutting down or starting up by code.
   */
  private static final Set<String> RETRYABLE_CLASSES = Set.of("08", "40", "53");

  private static final Set<String> RETRYABLE_STATES =
      Set.of("55P03", "57014", "57P01", "57P02", "57P03");

  /** Exceptions that say "not now" without an SQLState: pool exhaustion, transaction timeouts. */
  private static final Set<String> RETRYABLE_TYPES =
      Set.of(
          "jakarta.resource.ResourceException",
          "jakarta.transaction.RollbackException",
          "jakarta.ejb.EJBTransactionRolledbackException",
          "jakarta.persistence.LockTimeoutException",
          "jakarta.persistence.PessimisticLockException",
          "jakarta.persistence.QueryTimeoutException");

  private static final int MAX_DEPTH = 32;

  public static Failure of(Throwable failure) {
    List<Throwable> chain = chain(failure);
    for (Throwable cause : chain) {
      if (cause instanceof SQLException sql
          && sql.getSQLState() != null
          && sql.getSQLState().length() == 5) {
        String state = sql.getSQLState();
        String stateClass = state.substring(0, 2);
        return new Failure(
            "SQLState class " + stateClass,
            state,
            RETRYABLE_CLASSES.contains(stateClass) || RETRYABLE_STATES.contains(state));
      }
    }
    for (Throwable cause : chain) {
      if (cause instanceof SQLTransientException || isA(cause, RETRYABLE_TYPES)) {
        return new Failure(cause.getClass().getSimpleName(), null, true);
      }
    }
    return new Failure(chain.get(chain.size() - 1).getClass().getSimpleName(), null, false);
  }

  private static boolean isA(Throwable failure, Set<String> types) {
    for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
      if (types.contains(type.getName())) {
        return true;
      }
    }
    return false;
  }

  /** The exception and its causes, outermost first; bounded, as a chain may loop back. */
  private static List<Throwable> chain(Throwable failure) {
    List<Throwable> chain = new ArrayList<>();
    for (Throwable cause = failure;
        cause != null && chain.size() < MAX_DEPTH && !chain.contains(cause);
        cause = cause.getCause()) {
      chain.add(cause);
    }
    return chain;
  }
}
