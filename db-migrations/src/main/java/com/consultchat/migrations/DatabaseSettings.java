package com.consultchat.migrations;

import java.util.Map;
import java.util.Properties;

/**
 * The database settings, read the way WildFly reads them in its datasources: a system property
 * first, then the environment variable, then the default. The owner owns the schema and runs the
 * migrations; the application connects as {@code user}, a role of its own.
 */
record DatabaseSettings(
    PostgresUrl url, String ownerUser, String ownerPassword, String user, String password) {

  static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/consultchat";

  static DatabaseSettings fromEnvironment() {
    return from(System.getProperties(), System.getenv());
  }

  static DatabaseSettings from(Properties properties, Map<String, String> environment) {
    return new DatabaseSettings(
        PostgresUrl.parse(read("consultchat.db.url", properties, environment, DEFAULT_URL)),
        read("consultchat.db.owner.user", properties, environment, "postgres"),
        read("consultchat.db.owner.password", properties, environment, "postgres"),
        read("consultchat.db.user", properties, environment, "consultchat_app"),
        read("consultchat.db.password", properties, environment, "consultchat"));
  }

  /** The application connects as the owner (as it did before it had a role of its own). */
  boolean appIsOwner() {
    return user.equals(ownerUser);
  }

  private static String read(
      String property, Properties properties, Map<String, String> environment, String fallback) {
    String value = properties.getProperty(property);
    if (value == null) {
      value = environment.get(property.toUpperCase().replace('.', '_'));
    }
    return value == null ? fallback : value;
  }
}
