package com.consultchat.migrations;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Brings a database to the newest schema. Flyway alone owns the schema; Hibernate never writes it.
 */
public final class SchemaMigrations {

  private SchemaMigrations() {}

  /** Applies pending migrations and returns how many were applied. */
  public static int migrate(DataSource dataSource) {
    ClassLoader classLoader = SchemaMigrations.class.getClassLoader();
    return Flyway.configure(classLoader)
        .dataSource(dataSource)
        .resourceProvider(new IndexedMigrations(classLoader))
        // There are no Java migrations; an empty provider keeps Flyway from scanning for them.
        .javaMigrationClassProvider(List::of)
        .load()
        .migrate()
        .migrationsExecuted;
  }
}
