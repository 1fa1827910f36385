package com.consultchat.bench;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The benchmark database: recreated empty before the server starts (the application migrates it),
 * then filled with people and conversations straight through JDBC. Hashing one password per person
 * at the production cost would take longer than the whole run, so every benchmark person shares one
 * precomputed hash; its iteration count is stored in the hash and verified as stored.
 */
final class BenchDatabase {

  static final long ACCOUNT_BASE = 1_000_000_000L;
  static final long KDF_ACCOUNT_BASE = 1_500_000_000L;
  static final long PAIR_BASE = 1_000_000_000L;
  static final long ROOM_BASE = 1_100_000_000L;
  static final int PRODUCTION_ITERATIONS = 210_000;
  static final int CHEAP_ITERATIONS = 1;

  private BenchDatabase() {}

  static void recreate() throws SQLException {
    try (Connection db = connect("postgres");
        Statement sql = db.createStatement()) {
      sql.execute("drop database if exists consultchat_bench with (force)");
      sql.execute("create database consultchat_bench");
    }
  }

  /** People {@code bench-00000...} (even: patients, odd: staff) and the kdf sample. */
  static void seedAccounts(int count, int kdfCount) throws SQLException {
    try (Connection db = connect("consultchat_bench")) {
      db.setAutoCommit(false);
      insertAccounts(db, "bench", ACCOUNT_BASE, count, hash(Logins.PASSWORD, CHEAP_ITERATIONS));
      insertAccounts(
          db, "benchkdf", KDF_ACCOUNT_BASE, kdfCount, hash(Logins.PASSWORD, PRODUCTION_ITERATIONS));
      db.commit();
    }
  }

  /** Consultation {@code p} is the conversation of people 2p (patient) and 2p+1 (staff). */
  static void seedPairs(int pairs) throws SQLException {
    Timestamp now = Timestamp.from(Instant.now());
    try (Connection db = connect("consultchat_bench");
        PreparedStatement conversation =
            db.prepareStatement(
                "insert into conversation (id, kind, last_seq, created_at) values (?, 'CONSULTATION', 0, ?)");
        PreparedStatement member =
            db.prepareStatement(
                "insert into conversation_member (conversation_id, account_id, joined_at) values (?, ?, ?)");
        PreparedStatement consultation =
            db.prepareStatement(
                "insert into consultation (id, conversation_id, patient_id, staff_id, subject, status,"
                    + " requested_at, taken_at) values (?, ?, ?, ?, 'Benchmark consultation', 'ACTIVE', ?, ?)")) {
      db.setAutoCommit(false);
      for (int p = 0; p < pairs; p++) {
        long id = PAIR_BASE + p;
        conversation.setLong(1, id);
        conversation.setTimestamp(2, now);
        conversation.addBatch();
        for (int person = 2 * p; person <= 2 * p + 1; person++) {
          member.setLong(1, id);
          member.setLong(2, ACCOUNT_BASE + person);
          member.setTimestamp(3, now);
          member.addBatch();
        }
        consultation.setLong(1, id);
        consultation.setLong(2, id);
        consultation.setLong(3, ACCOUNT_BASE + 2 * p);
        consultation.setLong(4, ACCOUNT_BASE + 2 * p + 1);
        consultation.setTimestamp(5, now);
        consultation.setTimestamp(6, now);
        consultation.addBatch();
      }
      conversation.executeBatch();
      member.executeBatch();
      consultation.executeBatch();
      db.commit();
    }
  }

  static long roomId(int members) {
    return ROOM_BASE + members;
  }

  /** A room of kind ROOM per size, with people {@code 0..size-1} as members. */
  static void seedRooms(Collection<Integer> sizes) throws SQLException {
    Timestamp now = Timestamp.from(Instant.now());
    try (Connection db = connect("consultchat_bench");
        PreparedStatement conversation =
            db.prepareStatement(
                "insert into conversation (id, kind, last_seq, created_at) values (?, 'ROOM', 0, ?)");
        PreparedStatement member =
            db.prepareStatement(
                "insert into conversation_member (conversation_id, account_id, joined_at) values (?, ?, ?)")) {
      db.setAutoCommit(false);
      for (int size : sizes.stream().distinct().toList()) {
        conversation.setLong(1, roomId(size));
        conversation.setTimestamp(2, now);
        conversation.addBatch();
        for (int person = 0; person < size; person++) {
          member.setLong(1, roomId(size));
          member.setLong(2, ACCOUNT_BASE + person);
          member.setTimestamp(3, now);
          member.addBatch();
        }
      }
      conversation.executeBatch();
      member.executeBatch();
      db.commit();
    }
  }

  /** Messages stored in conversations with ids in [from, to]. */
  static long storedMessages(long from, long to) throws SQLException {
    try (Connection db = connect("consultchat_bench");
        PreparedStatement count =
            db.prepareStatement(
                "select count(*) from message where conversation_id between ? and ?")) {
      count.setLong(1, from);
      count.setLong(2, to);
      try (ResultSet result = count.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  /**
   * Files stored in conversations with ids in [from, to]: how many, the sizes their rows declare,
   * and the bytes of their content chunks, which must add up to the same.
   */
  static long[] storedFiles(long from, long to) throws SQLException {
    try (Connection db = connect("consultchat_bench");
        PreparedStatement count =
            db.prepareStatement(
                "select count(*), coalesce(sum(a.size_bytes), 0),"
                    + " coalesce(sum((select sum(octet_length(c.bytes)) from attachment_chunk c"
                    + " where c.attachment_id = a.id and c.part = 0)), 0)"
                    + " from attachment a where a.status = 'STORED'"
                    + " and a.conversation_id between ? and ?")) {
      count.setLong(1, from);
      count.setLong(2, to);
      try (ResultSet result = count.executeQuery()) {
        result.next();
        return new long[] {result.getLong(1), result.getLong(2), result.getLong(3)};
      }
    }
  }

  /**
   * The server's version and the memory settings the figures depend on: with {@code shared_buffers}
   * below the data a query touches, its pages come from the operating system's cache instead.
   */
  static String version() throws SQLException {
    try (Connection db = connect("postgres");
        Statement sql = db.createStatement();
        ResultSet result =
            sql.executeQuery(
                "select current_setting('server_version'), current_setting('shared_buffers'),"
                    + " current_setting('work_mem')")) {
      result.next();
      return result.getString(1)
          + ", shared_buffers "
          + result.getString(2)
          + ", work_mem "
          + result.getString(3);
    }
  }

  static String hash(String password, int iterations) {
    byte[] salt = new byte[32];
    new SecureRandom().nextBytes(salt);
    try {
      byte[] key =
          SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
              .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 64 * 8))
              .getEncoded();
      Base64.Encoder base64 = Base64.getEncoder();
      return "PBKDF2WithHmacSHA512:"
          + iterations
          + ":"
          + base64.encodeToString(salt)
          + ":"
          + base64.encodeToString(key);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void insertAccounts(
      Connection db, String prefix, long base, int count, String hash) throws SQLException {
    Timestamp now = Timestamp.from(Instant.now());
    try (PreparedStatement insert =
        db.prepareStatement(
            "insert into account (id, username, display_name, password_hash, role, status,"
                + " password_change_required, created_at, version)"
                + " values (?, ?, ?, ?, ?, 'ACTIVE', false, ?, 0)")) {
      for (int i = 0; i < count; i++) {
        insert.setLong(1, base + i);
        insert.setString(2, Logins.username(prefix, i));
        insert.setString(3, "Bench Person " + i);
        insert.setString(4, hash);
        insert.setString(5, i % 2 == 0 ? "PATIENT" : "STAFF");
        insert.setTimestamp(6, now);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:5432/" + database + "?reWriteBatchedInserts=true",
        "postgres",
        "postgres");
  }
}
