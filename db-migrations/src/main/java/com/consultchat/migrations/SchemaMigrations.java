package com.consultchat.migrations;

import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings a database to the newest schema. Flyway alone owns the schema; Hibernate never writes it.
 */
public final class SchemaMigrations {

  private SchemaMigrations() {}

  /**
   * Applies pending migrations and returns how many were applied. {@code dataSource} connects as
   * the schema owner; {@code appRole} is the role the application connects as, which the migrations
   * grant what it needs.
   */
  public static int migrate(DataSource dataSource, String appRole) {
    ClassLoader classLoader = SchemaMigrations.class.getClassLoader();
    return Flyway.configure(classLoader)
        .dataSource(dataSource)
        .resourceProvider(new IndexedMigrations(classLoader))
        // There are no Java migrations; an empty provider keeps Flyway from scanning for them.
        .javaMigrationClassProvider(List::of)
        .placeholders(Map.of("app_role", appRole))
        .load()
        .migrate()
        .migrationsExecuted;
  }
}
