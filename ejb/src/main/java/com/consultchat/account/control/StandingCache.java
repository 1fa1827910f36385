package com.consultchat.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What this node last read of an account's standing, kept a few seconds so that every request and
 * poll of a logged-in person does not read the account again. A change made on this node replaces
 * its entry at once; one made on another node counts here within {@link #KEEP_NANOS}.
 */
@ApplicationScoped
public class StandingCache {

  static final long KEEP_NANOS = TimeUnit.SECONDS.toNanos(5);
  private static final int PURGE_ABOVE = 20_000;

  /** {@code validFrom} null: every login counts. A missing account reads as inactive. */
  public record Standing(boolean active, Instant validFrom) {

    public boolean admits(Instant loginAt) {
      return active && (validFrom == null || loginAt == null || !loginAt.isBefore(validFrom));
    }
  }

  private record Entry(Standing standing, long readAtNanos) {}

  private final Map<Long, Entry> entries = new ConcurrentHashMap<>();

  public Optional<Standing> fresh(long accountId, long nowNanos) {
    Entry entry = entries.get(accountId);
    return entry != null && nowNanos - entry.readAtNanos() < KEEP_NANOS
        ? Optional.of(entry.standing())
        : Optional.empty();
  }

  /** What is known here, however old: for checks that must not wait for the database. */
  public Optional<Standing> known(long accountId) {
    return Optional.ofNullable(entries.get(accountId)).map(Entry::standing);
  }

  public void forget(long accountId) {
    entries.remove(accountId);
  }

  public void put(long accountId, Standing standing, long nowNanos) {
    if (entries.size() > PURGE_ABOVE) {
      entries.values().removeIf(entry -> nowNanos - entry.readAtNanos() >= KEEP_NANOS);
    }
    entries.put(accountId, new Entry(standing, nowNanos));
  }
}
