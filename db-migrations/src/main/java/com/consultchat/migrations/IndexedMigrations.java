package com.consultchat.migrations;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Serves the SQL migrations named in {@code db/migration/index.txt}, which the build writes. Inside
 * an application server the jar is behind a virtual file system that Flyway's classpath scanner
 * cannot list, so the migrations are looked up by name instead of by scanning.
 */
public final class IndexedMigrations implements ResourceProvider {

  static final String LOCATION = "db/migration/";

  private final ClassLoader classLoader;
  private final List<String> names;

  public IndexedMigrations(ClassLoader classLoader) {
    this.classLoader = classLoader;
    this.names = readIndex(classLoader);
  }

  public List<String> names() {
    return names;
  }

  @Override
  public LoadableResource getResource(String name) {
    String fileName = name.startsWith(LOCATION) ? name.substring(LOCATION.length()) : name;
    return names.contains(fileName) ? new Migration(fileName) : null;
  }

  @Override
  public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
    return names.stream()
        .filter(name -> name.startsWith(prefix))
        .filter(name -> Arrays.stream(suffixes).anyMatch(name::endsWith))
        .<LoadableResource>map(Migration::new)
        .toList();
  }

  private static List<String> readIndex(ClassLoader classLoader) {
    InputStream index = classLoader.getResourceAsStream(LOCATION + "index.txt");
    if (index == null) {
      throw new IllegalStateException("No migration index at " + LOCATION + "index.txt");
    }
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8))) {
      return reader.lines().map(String::strip).filter(line -> !line.isEmpty()).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private final class Migration extends LoadableResource {
    private final String fileName;

    Migration(String fileName) {
      this.fileName = fileName;
    }

    @Override
    public Reader read() {
      InputStream in = classLoader.getResourceAsStream(LOCATION + fileName);
      if (in == null) {
        throw new IllegalStateException("Migration listed but missing: " + fileName);
      }
      return new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    @Override
    public String getAbsolutePath() {
      return LOCATION + fileName;
    }

    @Override
    public String getAbsolutePathOnDisk() {
      return LOCATION + fileName;
    }

    @Override
    public String getFilename() {
      return fileName;
    }

    @Override
    public String getRelativePath() {
      return fileName;
    }
  }
}
