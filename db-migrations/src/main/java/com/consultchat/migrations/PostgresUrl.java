package com.consultchat.migrations;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A {@code jdbc:postgresql://host[:port]/database[?options]} URL taken apart. */
record PostgresUrl(String host, int port, String database, String options) {

  private static final Pattern FORM =
      Pattern.compile("jdbc:postgresql://([^/:?]+|\\[[^]]+])(?::(\\d+))?/([^?/]+)(\\?.*)?");

  static PostgresUrl parse(String jdbcUrl) {
    Matcher matcher = FORM.matcher(jdbcUrl);
    if (!matcher.matches()) {
      throw new DatabaseBootstrap.BootstrapFailure(
          "CONSULTCHAT_DB_URL must look like jdbc:postgresql://host:5432/database, not " + jdbcUrl);
    }
    int port = matcher.group(2) == null ? 5432 : Integer.parseInt(matcher.group(2));
    String options = matcher.group(4) == null ? "" : matcher.group(4);
    return new PostgresUrl(matcher.group(1), port, matcher.group(3), options);
  }

  String jdbcUrl() {
    return "jdbc:postgresql://" + hostAndPort() + "/" + database + options;
  }

  /** The same server's maintenance database, from where a missing database can be created. */
  String maintenance() {
    return "jdbc:postgresql://" + hostAndPort() + "/postgres" + options;
  }

  String hostAndPort() {
    return host + ":" + port;
  }

  String quotedDatabase() {
    return '"' + database.replace("\"", "\"\"") + '"';
  }
}
