package com.consultchat.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PostgresUrlTest {

  @Test
  void takesHostPortDatabaseAndOptionsApart() {
    PostgresUrl url = PostgresUrl.parse("jdbc:postgresql://db.example:6543/clinic?ssl=true");

    assertThat(url.hostAndPort()).isEqualTo("db.example:6543");
    assertThat(url.database()).isEqualTo("clinic");
    assertThat(url.maintenance()).isEqualTo("jdbc:postgresql://db.example:6543/postgres?ssl=true");
    assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/clinic?ssl=true");
  }

  @Test
  void defaultsToPort5432() {
    assertThat(PostgresUrl.parse("jdbc:postgresql://localhost/x").port()).isEqualTo(5432);
  }

  @Test
  void quotesDatabaseNamesSoTheyCannotBreakOutOfTheStatement() {
    assertThat(PostgresUrl.parse("jdbc:postgresql://h/a\"b").quotedDatabase())
        .isEqualTo("\"a\"\"b\"");
  }

  @Test
  void refusesUrlsOfOtherDatabasesWithOneLine() {
    assertThatThrownBy(() -> PostgresUrl.parse("jdbc:mysql://h/db"))
        .hasMessageStartingWith("CONSULTCHAT_DB_URL must look like");
  }

  @Test
  void systemPropertyWinsOverEnvironmentWhichWinsOverDefault() {
    Properties properties = new Properties();
    properties.setProperty("consultchat.db.user", "fromProperty");
    Map<String, String> environment =
        Map.of("CONSULTCHAT_DB_USER", "fromEnv", "CONSULTCHAT_DB_PASSWORD", "secret");

    DatabaseSettings settings = DatabaseSettings.from(properties, environment);

    assertThat(settings.user()).isEqualTo("fromProperty");
    assertThat(settings.password()).isEqualTo("secret");
    assertThat(settings.url().jdbcUrl()).isEqualTo(DatabaseSettings.DEFAULT_URL);
  }
}
