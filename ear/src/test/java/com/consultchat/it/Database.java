package com.consultchat.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Direct reads of the test database, to prove what was stored and what was not. */
final class Database {

  private Database() {}

  static long count(String sql, Object... parameters) {
    try (Connection connection =
            DriverManager.getConnection(
                TestServer.DB_URL, TestServer.DB_USER, TestServer.DB_PASSWORD);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static void execute(String sql, Object... parameters) {
    try (Connection connection =
            DriverManager.getConnection(
                TestServer.DB_URL, TestServer.DB_USER, TestServer.DB_PASSWORD);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static String status(long consultation) {
    try (Connection connection =
            DriverManager.getConnection(
                TestServer.DB_URL, TestServer.DB_USER, TestServer.DB_PASSWORD);
        PreparedStatement statement =
            connection.prepareStatement("select status from consultation where id = ?")) {
      statement.setLong(1, consultation);
      try (ResultSet result = statement.executeQuery()) {
        return result.next() ? result.getString(1) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static long messagesIn(long conversation) {
    return count("select count(*) from message where conversation_id = ?", conversation);
  }

  static long accountsNamed(String username) {
    return count("select count(*) from account where username = ?", username);
  }
}
