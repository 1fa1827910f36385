package com.consultchat.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import org.flywaydb.core.api.resource.LoadableResource;
import org.junit.jupiter.api.Test;

class IndexedMigrationsTest {

  private final IndexedMigrations migrations =
      new IndexedMigrations(IndexedMigrationsTest.class.getClassLoader());

  @Test
  void indexListsEveryVersionedMigrationInOrder() {
    assertThat(migrations.names())
        .isNotEmpty()
        .isSorted()
        .allMatch(name -> name.matches("V\\d{3}__[a-z_]+\\.sql"));
    assertThat(migrations.names()).first().isEqualTo("V001__create_account.sql");
  }

  @Test
  void servesVersionedSqlByPrefixAndSuffix() throws IOException {
    var found = migrations.getResources("V", new String[] {".sql"});

    assertThat(found).hasSize(migrations.names().size());
    LoadableResource first = found.iterator().next();
    try (BufferedReader reader = new BufferedReader(first.read())) {
      assertThat(reader.lines()).anyMatch(line -> line.contains("create table account"));
    }
  }

  @Test
  void knowsNothingOfRepeatableOrUnknownMigrations() {
    assertThat(migrations.getResources("R", new String[] {".sql"})).isEmpty();
    assertThat(migrations.getResource("V999__missing.sql")).isNull();
  }
}
