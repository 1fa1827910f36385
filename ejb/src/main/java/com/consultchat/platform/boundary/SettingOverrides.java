package com.consultchat.platform.boundary;

import com.consultchat.platform.control.SettingRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * The values administrators stored in the database, kept in memory for a few seconds. Reading a
 * setting on the message path costs a map lookup; at most one caller at a time reloads the table
 * once the copy is older than {@link #FRESH_SECONDS}, the others meanwhile use the copy they have.
 * This node reloads at once after a change commits here; another node within {@link
 * #FRESH_SECONDS}. Nothing is read before the schema exists.
 */
@ApplicationScoped
public class SettingOverrides {

  /** How stale another node's change may be seen here. */
  public static final int FRESH_SECONDS = 5;

  private static final System.Logger LOG = System.getLogger(SettingOverrides.class.getName());

  @Inject SettingRows rows;

  private final LongSupplier nanos;
  private final AtomicBoolean loading = new AtomicBoolean();
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
    if (ready && nanos.getAsLong() - loadedAt > TimeUnit.SECONDS.toNanos(FRESH_SECONDS)) {
      reload();
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

  private void reload() {
    if (!loading.compareAndSet(false, true)) {
      return;
    }
    try {
      values = Map.copyOf(rows.all());
      loadedAt = nanos.getAsLong();
    } catch (RuntimeException e) {
      // Keep the copy there is: a database that cannot answer now must not stop the message path.
      LOG.log(
          Level.WARNING, "Stored settings could not be read; the last ones read stay in force", e);
      loadedAt = nanos.getAsLong();
    } finally {
      loading.set(false);
    }
  }
}
