package com.consultchat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The peer server's database in the same PostgreSQL as ConsultChat's: recreated empty with the
 * schema Debian's package ships, and its accounts inserted straight into the users table (a
 * password in plain text, as the benchmark configuration stores them), far faster than registering
 * each through ejabberd.
 */
final class EjabberdDatabase {

  private EjabberdDatabase() {}

  static void recreate() throws SQLException, IOException {
    try (Connection db = connect("postgres");
        Statement sql = db.createStatement()) {
      sql.execute("drop database if exists " + Ejabberd.DATABASE + " with (force)");
      sql.execute("create database " + Ejabberd.DATABASE);
    }
    try (Connection db = connect(Ejabberd.DATABASE);
        Statement sql = db.createStatement()) {
      // The driver splits the script into its statements itself, comments and all.
      sql.execute(Files.readString(Ejabberd.SCHEMA));
    }
  }

  /** People {@code bench-00000...}, the same names and password as ConsultChat's. */
  static void seedAccounts(int count) throws SQLException {
    try (Connection db = connect(Ejabberd.DATABASE);
        PreparedStatement insert =
            db.prepareStatement(
                "insert into users (username, server_host, password) values (?, ?, ?)")) {
      db.setAutoCommit(false);
      for (int i = 0; i < count; i++) {
        insert.setString(1, Logins.username("bench", i));
        insert.setString(2, Ejabberd.DOMAIN);
        insert.setString(3, Logins.PASSWORD);
        insert.addBatch();
      }
      insert.executeBatch();
      db.commit();
    }
  }

  /** Rows in the message archive: two per chat message, the sender's and the recipient's. */
  static long archivedRows() throws SQLException {
    return archived("chat");
  }

  /** Rows in the rooms' archives: one per room message, the room's. */
  static long archivedRoomMessages() throws SQLException {
    return archived("groupchat");
  }

  private static long archived(String kind) throws SQLException {
    try (Connection db = connect(Ejabberd.DATABASE);
        PreparedStatement count =
            db.prepareStatement("select count(*) from archive where kind = ?")) {
      count.setString(1, kind);
      try (ResultSet result = count.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  private static Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:5432/" + database + "?reWriteBatchedInserts=true",
        "postgres",
        "postgres");
  }
}
