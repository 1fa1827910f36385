package com.consultchat.migrations;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs before the server starts: makes sure PostgreSQL answers and the database exists, creating it
 * when the user may. Every failure ends in one line that says what to start or which variable to
 * set.
 *
 * <p>Arguments: {@code --recreate} drops and creates the database (for the test database only).
 */
public final class DatabaseBootstrap {

  private static final String INVALID_CATALOG = "3D000";
  private static final String INSUFFICIENT_PRIVILEGE = "42501";
  private static final String CONNECTION_FAILURE_CLASS = "08";
  private static final String AUTHORIZATION_CLASS = "28";

  private final DatabaseSettings settings;

  DatabaseBootstrap(DatabaseSettings settings) {
    this.settings = settings;
  }

  public static void main(String[] args) {
    boolean recreate = args.length > 0 && "--recreate".equals(args[0]);
    DriverManager.setLoginTimeout(10);
    try {
      String outcome = new DatabaseBootstrap(DatabaseSettings.fromEnvironment()).prepare(recreate);
      // A command-line step of run.sh: its one line of output is for the person starting the
      // server.
      System.out.println(outcome);
    } catch (BootstrapFailure failure) {
      System.err.println(failure.getMessage());
      System.exit(2);
    }
  }

  String prepare(boolean recreate) {
    PostgresUrl url = settings.url();
    if (recreate) {
      execute(
          url.maintenance(), "drop database if exists " + url.quotedDatabase() + " with (force)");
      execute(url.maintenance(), "create database " + url.quotedDatabase());
      return "Recreated database " + url.database() + " on " + url.hostAndPort() + ".";
    }
    try (Connection ignored = connect(url.jdbcUrl())) {
      return "Database " + url.database() + " on " + url.hostAndPort() + " is ready.";
    } catch (SQLException e) {
      if (!INVALID_CATALOG.equals(e.getSQLState())) {
        throw explain(e);
      }
    }
    execute(url.maintenance(), "create database " + url.quotedDatabase());
    return "Created database " + url.database() + " on " + url.hostAndPort() + ".";
  }

  private void execute(String jdbcUrl, String sql) {
    try (Connection connection = connect(jdbcUrl);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw explain(e);
    }
  }

  private Connection connect(String jdbcUrl) throws SQLException {
    return DriverManager.getConnection(jdbcUrl, settings.user(), settings.password());
  }

  private BootstrapFailure explain(SQLException e) {
    PostgresUrl url = settings.url();
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (e.getCause() instanceof ConnectException || state.startsWith(CONNECTION_FAILURE_CLASS)) {
      return new BootstrapFailure(
          "PostgreSQL is not reachable at "
              + url.hostAndPort()
              + ": start PostgreSQL there, or set CONSULTCHAT_DB_URL to where it runs.");
    }
    if (state.startsWith(AUTHORIZATION_CLASS)) {
      return new BootstrapFailure(
          "PostgreSQL at "
              + url.hostAndPort()
              + " refused user '"
              + settings.user()
              + "': set CONSULTCHAT_DB_USER and CONSULTCHAT_DB_PASSWORD.");
    }
    if (INSUFFICIENT_PRIVILEGE.equals(state)) {
      return new BootstrapFailure(
          "Database "
              + url.database()
              + " does not exist and user '"
              + settings.user()
              + "' may not create it: create it, or set CONSULTCHAT_DB_URL to an existing one.");
    }
    return new BootstrapFailure(
        "PostgreSQL at " + url.hostAndPort() + " answered: " + e.getMessage().strip());
  }

  static final class BootstrapFailure extends RuntimeException {
    BootstrapFailure(String message) {
      super(message, null, false, false);
    }
  }
}
