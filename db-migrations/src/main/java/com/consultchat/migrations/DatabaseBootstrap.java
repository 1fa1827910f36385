package com.consultchat.migrations;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs before the server starts, as the schema owner: makes sure PostgreSQL answers and the
 * database exists, creating it when the owner may, and that the application's role can log in with
 * its configured password (the server's connections need it before the migrations run). Every
 * failure ends in one line that says what to start or which variable to set.
 *
 * <p>Arguments: {@code --recreate} drops and creates the database (for the test database only).
 */
public final class DatabaseBootstrap {

  private static final String INVALID_CATALOG = "3D000";
  private static final String INSUFFICIENT_PRIVILEGE = "42501";
  private static final String DUPLICATE_OBJECT = "42710";
  private static final String UNIQUE_VIOLATION = "23505";
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
    String database = prepareDatabase(recreate);
    return settings.appIsOwner() ? database : database + " " + prepareAppRole();
  }

  private String prepareDatabase(boolean recreate) {
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

  /**
   * Roles belong to the whole PostgreSQL server: the role may exist already (another database of
   * this server made it), and is then only given its login and password.
   */
  private String prepareAppRole() {
    try (Connection connection = connect(settings.url().jdbcUrl())) {
      boolean exists;
      try (PreparedStatement find =
          connection.prepareStatement("select 1 from pg_roles where rolname = ?")) {
        find.setString(1, settings.user());
        try (ResultSet found = find.executeQuery()) {
          exists = found.next();
        }
      }
      if (!exists) {
        try (Statement create = connection.createStatement()) {
          create.execute(quoted(connection, "create role %I", settings.user(), null));
        } catch (SQLException e) {
          if (!DUPLICATE_OBJECT.equals(e.getSQLState())
              && !UNIQUE_VIOLATION.equals(e.getSQLState())) {
            throw e;
          }
        }
      }
      try (Statement login = connection.createStatement()) {
        login.execute(
            quoted(
                connection,
                "alter role %I with login password %L",
                settings.user(),
                settings.password()));
        // The migrations grant the rest; this much is needed before they run, because the server's
        // session store may create its table (as this role) before the application has migrated.
        login.execute(
            quoted(
                connection, "grant usage, create on schema public to %I", settings.user(), null));
      }
      return "Application role " + settings.user() + (exists ? " is ready." : " created.");
    } catch (SQLException e) {
      if (INSUFFICIENT_PRIVILEGE.equals(e.getSQLState())) {
        throw new BootstrapFailure(
            "User '"
                + settings.ownerUser()
                + "' may not create or change the application's role '"
                + settings.user()
                + "': give it CREATEROLE, or create the role with LOGIN and its password yourself.");
      }
      throw explain(e);
    }
  }

  /** The server quotes the identifier and the literal itself, so no value can break the SQL. */
  private static String quoted(Connection connection, String form, String name, String literal)
      throws SQLException {
    try (PreparedStatement format =
        connection.prepareStatement("select format(?, ?::text, ?::text)")) {
      format.setString(1, form);
      format.setString(2, name);
      format.setString(3, literal);
      try (ResultSet sql = format.executeQuery()) {
        sql.next();
        return sql.getString(1);
      }
    }
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
    return DriverManager.getConnection(jdbcUrl, settings.ownerUser(), settings.ownerPassword());
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
              + settings.ownerUser()
              + "': set CONSULTCHAT_DB_OWNER_USER and CONSULTCHAT_DB_OWNER_PASSWORD.");
    }
    if (INSUFFICIENT_PRIVILEGE.equals(state)) {
      return new BootstrapFailure(
          "Database "
              + url.database()
              + " does not exist and user '"
              + settings.ownerUser()
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
