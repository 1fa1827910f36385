package com.consultchat.it;

/** Where the build started the server under test, and with what. */
final class TestServer {

  static final String BASE_URL = property("it.base.url", "http://localhost:8180/consultchat");
  static final String ORIGIN = BASE_URL.replaceAll("^(https?://[^/]+).*$", "$1");
  static final String ADMIN_PASSWORD = property("it.admin.password", "integration-secret-42");
  static final int MANAGEMENT_PORT = Integer.parseInt(property("it.management.port", "10090"));
  static final String DB_URL =
      property("it.db.url", "jdbc:postgresql://127.0.0.1:5432/consultchat_test");
  static final String DB_USER = property("it.db.user", "postgres");
  static final String DB_PASSWORD = property("it.db.password", "postgres");

  /** The role the server itself connects as (the tests' own queries above run as the owner). */
  static final String APP_DB_USER = property("it.db.app.user", "consultchat_app");

  static final String APP_DB_PASSWORD = property("it.db.app.password", "consultchat");

  private TestServer() {}

  private static String property(String name, String fallback) {
    return System.getProperty(name, fallback);
  }
}
