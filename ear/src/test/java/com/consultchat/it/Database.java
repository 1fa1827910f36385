package com.consultchat.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Direct reads of the test database, to prove what was stored and what was not. */
final class Database {

  private Database() {}

  static long count(String sql, Object... parameters) {
    return run(
        sql,
        parameters,
        statement -> {
          try (ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
          }
        });
  }

  static String status(long consultation) {
    return run(
        "select status from consultation where id = ?",
        new Object[] {consultation},
        statement -> {
          try (ResultSet result = statement.executeQuery()) {
            return result.next() ? result.getString(1) : null;
          }
        });
  }

  /** The first column of the first row, as text; null when there is no row. */
  static String text(String sql, Object... parameters) {
    return run(
        sql,
        parameters,
        statement -> {
          try (ResultSet result = statement.executeQuery()) {
            return result.next() ? result.getString(1) : null;
          }
        });
  }

  static void execute(String sql, Object... parameters) {
    run(sql, parameters, PreparedStatement::executeUpdate);
  }

  /**
   * When the transactions of this database that wait on a lock now began; empty if none waits. A
   * transaction that gives up on its lock and is tried again shows up with a new start.
   */
  static List<String> lockWaitsStartedAt() {
    return run(
        "select xact_start::text from pg_stat_activity"
            + " where datname = current_database() and wait_event_type = 'Lock'",
        new Object[0],
        statement -> {
          List<String> starts = new ArrayList<>();
          try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
              starts.add(result.getString(1));
            }
          }
          return starts;
        });
  }

  static long messagesIn(long conversation) {
    return count("select count(*) from message where conversation_id = ?", conversation);
  }

  /** The texts of a conversation in the order the server numbered them. */
  static List<String> bodiesInOrder(long conversation) {
    return strings("select body from message where conversation_id = ? order by seq", conversation);
  }

  /** The first column of every row, as text. */
  static List<String> strings(String sql, Object... parameters) {
    return run(
        sql,
        parameters,
        statement -> {
          List<String> bodies = new ArrayList<>();
          try (ResultSet result = statement.executeQuery()) {
            while (result.next()) {
              bodies.add(result.getString(1));
            }
          }
          return bodies;
        });
  }

  static long accountsNamed(String username) {
    return count("select count(*) from account where username = ?", username);
  }

  /**
   * Locks a conversation's row, as a long transaction elsewhere would, until the returned lock is
   * closed: every write to the conversation waits for it meanwhile.
   */
  static AutoCloseable lockConversation(long conversation) {
    try {
      Connection connection =
          DriverManager.getConnection(
              TestServer.DB_URL, TestServer.DB_USER, TestServer.DB_PASSWORD);
      connection.setAutoCommit(false);
      try (PreparedStatement lock =
          connection.prepareStatement("select id from conversation where id = ? for update")) {
        lock.setLong(1, conversation);
        lock.executeQuery().close();
      }
      return () -> {
        connection.rollback();
        connection.close();
      };
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private interface Work<T> {
    T on(PreparedStatement statement) throws SQLException;
  }

  private static <T> T run(String sql, Object[] parameters, Work<T> work) {
    try (Connection connection =
            DriverManager.getConnection(
                TestServer.DB_URL, TestServer.DB_USER, TestServer.DB_PASSWORD);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      return work.on(statement);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
