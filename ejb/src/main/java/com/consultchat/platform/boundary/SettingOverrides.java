package com.consultchat.platform.boundary;

import com.consultchat.platform.control.SettingRows;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The values administrators stored in the database, kept in memory for a few seconds. Reading a
 * setting costs a map lookup and never waits on the database: once the copy is older than {@link
 * #FRESH_SECONDS} one reload starts in the background and every caller, the one that noticed
 * included, uses the copy there is until it lands. A login page must answer while the database is
 * stalled or its connections are all busy. This node reloads at once after a change commits here;
 * another node's change is seen a few seconds later. Nothing is read before the schema exists.
 */
@ApplicationScoped
public class SettingOverrides {

  /** How stale another node's change may be seen here. */
  public static final int FRESH_SECONDS = 5;

  private static final System.Logger LOG = System.getLogger(SettingOverrides.class.getName());

  @Inject SettingRows rows;

  @Resource(lookup = "java:jboss/ee/concurrency/executor/default")
  Executor background;

  private final LongSupplier nanos;
  private final AtomicBoolean refreshing = new AtomicBoolean();

  /** Numbers each read of the table, so a slow earlier read never replaces a later one's values. */
  private final AtomicLong reads = new AtomicLong();

  private long appliedRead;
  private volatile Map<String, String> values = Map.of();
  private volatile long loadedAt;
  private volatile boolean ready;

  public SettingOverrides() {
    this(System::nanoTime);
  }

  SettingOverrides(LongSupplier nanos) {
    this.nanos = nanos;
  }

  /** The stored value of this setting, or null when none is stored. */
  public String get(String name) {
    if (ready
        && nanos.getAsLong() - loadedAt > TimeUnit.SECONDS.toNanos(FRESH_SECONDS)
        && refreshing.compareAndSet(false, true)) {
      refreshInBackground();
    }
    return values.get(name);
  }

  /** The value stored now, read (and locked) in the caller's transaction; null when none is. */
  public String stored(String name) {
    return rows.stored(name);
  }

  /** Stores a value in the caller's transaction; readers see it once that commits. */
  public void store(String name, String value, long changedBy, Instant at) {
    rows.store(name, value, changedBy, at);
  }

  /** Removes the stored value, so the default applies again; whether there was one. */
  public boolean remove(String name) {
    return rows.remove(name);
  }

  void start(@Observes SchemaMigrated migrated) {
    ready = true;
    reload();
  }

  void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) SettingChanged changed) {
    reload();
  }

  private void refreshInBackground() {
    Runnable refresh =
        () -> {
          try {
            reload();
          } finally {
            refreshing.set(false);
          }
        };
    try {
      background.execute(refresh);
    } catch (RejectedExecutionException shuttingDown) {
      refreshing.set(false);
    }
  }

  private void reload() {
    long read = reads.incrementAndGet();
    Map<String, String> found;
    try {
      found = Map.copyOf(rows.all());
    } catch (RuntimeException e) {
      // Keep the copy there is: a database that cannot answer now must not stop the message path.
      LOG.log(
          Level.WARNING, "Stored settings could not be read; the last ones read stay in force", e);
      loadedAt = nanos.getAsLong();
      return;
    }
    synchronized (this) {
      if (read > appliedRead) {
        appliedRead = read;
        values = found;
        loadedAt = nanos.getAsLong();
      }
    }
  }
}
