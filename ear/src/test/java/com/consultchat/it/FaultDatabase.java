package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The fault suite's own PostgreSQL cluster, on a port of its own, so restarting it never touches
 * the machine's database. Created with the distribution's cluster tools when missing.
 */
final class FaultDatabase {

  static final String VERSION = System.getProperty("fault.db.version", "15");
  static final String CLUSTER = System.getProperty("fault.db.cluster", "consultchat-faults");
  static final int PORT = Integer.parseInt(System.getProperty("fault.db.port", "5433"));
  static final String URL =
      "jdbc:postgresql://127.0.0.1:"
          + PORT
          + "/"
          + System.getProperty("fault.db.name", "consultchat_faults");
  private static final String MAINTENANCE_URL = "jdbc:postgresql://127.0.0.1:" + PORT + "/postgres";
  static final String USER = "postgres";
  static final String PASSWORD = "postgres";

  /** The role the fault server connects as; the owner above runs migrations and the checks. */
  static final String APP_USER = "consultchat_app";

  static final String APP_PASSWORD = "consultchat";
  private static final Duration TOOL_LIMIT = Duration.ofSeconds(90);

  private FaultDatabase() {}

  /** The cluster exists and runs, and the application's database in it is empty. */
  static void prepare() {
    if (!Commands.available("pg_createcluster") || !Commands.available("pg_ctlcluster")) {
      throw new AssertionError(
          "The fault suite needs PostgreSQL's cluster tools (pg_createcluster, pg_ctlcluster from"
              + " postgresql-common) to run its own PostgreSQL "
              + VERSION
              + " cluster on port "
              + PORT
              + "; install them or skip the fault suite.");
    }
    String clusters = Commands.run(TOOL_LIMIT, "pg_lsclusters", "--no-header");
    if (!clusterLine(clusters).isPresent()) {
      Commands.run(
          TOOL_LIMIT,
          "pg_createcluster",
          VERSION,
          CLUSTER,
          "-p",
          String.valueOf(PORT),
          "--",
          "--auth=trust");
      clusters = Commands.run(TOOL_LIMIT, "pg_lsclusters", "--no-header");
    }
    String line = clusterLine(clusters).orElseThrow();
    assertThat(line)
        .as("cluster %s must listen on port %d", CLUSTER, PORT)
        .containsPattern("\\s" + PORT + "\\s");
    if (!line.contains("online")) {
      Commands.run(TOOL_LIMIT, "pg_ctlcluster", VERSION, CLUSTER, "start");
    }
    Await.until(
        "the fault cluster to accept connections", Duration.ofSeconds(30), () -> reachable());
    recreateDatabase();
  }

  private static java.util.Optional<String> clusterLine(String clusters) {
    return clusters
        .lines()
        .filter(l -> l.trim().split("\\s+").length > 1 && l.trim().split("\\s+")[1].equals(CLUSTER))
        .findFirst();
  }

  /** The project's own bootstrap, as the build runs it for the IT database, in a JVM of its own. */
  private static void recreateDatabase() {
    Commands.run(
        TOOL_LIMIT,
        java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dconsultchat.db.url=" + URL,
        "-Dconsultchat.db.owner.user=" + USER,
        "-Dconsultchat.db.owner.password=" + PASSWORD,
        "-Dconsultchat.db.user=" + APP_USER,
        "-Dconsultchat.db.password=" + APP_PASSWORD,
        "-classpath",
        System.getProperty("java.class.path"),
        "com.consultchat.migrations.DatabaseBootstrap",
        "--recreate");
  }

  /** Restarts the cluster as an operator would; returns when it accepts connections again. */
  static void restart() {
    Commands.run(TOOL_LIMIT, "pg_ctlcluster", VERSION, CLUSTER, "restart");
    Await.until(
        "the fault cluster to accept connections", Duration.ofSeconds(30), () -> reachable());
  }

  /** Whether the cluster accepts connections (to its maintenance database, which always exists). */
  static boolean reachable() {
    try (Connection ignored = DriverManager.getConnection(MAINTENANCE_URL, USER, PASSWORD)) {
      return true;
    } catch (SQLException notYet) {
      return false;
    }
  }

  static Connection connect() throws SQLException {
    return DriverManager.getConnection(URL, USER, PASSWORD);
  }

  static long count(String sql, Object... parameters) {
    return query(sql, parameters).stream()
        .mapToLong(row -> ((Number) row.get(0)).longValue())
        .sum();
  }

  /** Every row of the query, each as its column values in order. */
  static List<List<Object>> query(String sql, Object... parameters) {
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      List<List<Object>> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          List<Object> row = new ArrayList<>(columns);
          for (int c = 1; c <= columns; c++) {
            row.add(result.getObject(c));
          }
          rows.add(row);
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Holds the rows of the given conversations locked, as a long transaction would, until closed.
   * Every send to them waits for the lock meanwhile.
   */
  static AutoCloseable lockConversations(List<Long> conversations) {
    try {
      Connection connection = connect();
      connection.setAutoCommit(false);
      try (PreparedStatement lock =
          connection.prepareStatement(
              "select id from conversation where id = any (?) for update")) {
        lock.setArray(1, connection.createArrayOf("bigint", conversations.toArray()));
        lock.executeQuery().close();
      }
      return () -> {
        if (!connection.isClosed()) {
          connection.rollback();
          connection.close();
        }
      };
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
