package com.consultchat.account.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What this node last read of an account's standing, so that every request and poll of a logged-in
 * person does not read the account again. A change made on this node replaces its entry at once.
 * One made on another node ends the account's logins ({@code logins_valid_from}), which the sweep
 * of ended logins finds every few seconds ({@link #swept}); while the sweeps follow one another
 * without a gap, an active account's entry stays as fresh as the last sweep, and any other entry
 * counts for {@link #KEEP_NANOS} after it was read.
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

  /** Sweeps since {@code fromNanos} left no gap; the last one looked at {@code toNanos}. */
  private record Swept(long fromNanos, long toNanos) {}

  private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
  private volatile Swept swept;

  public Optional<Standing> fresh(long accountId, long nowNanos) {
    Entry entry = entries.get(accountId);
    return entry != null && nowNanos - knownAt(entry) < KEEP_NANOS
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
      entries.values().removeIf(entry -> nowNanos - knownAt(entry) >= KEEP_NANOS);
    }
    entries.put(accountId, new Entry(standing, nowNanos));
  }

  /**
   * A sweep found, as of {@code queryNanos}, every account whose logins ended after {@code
   * sinceNanos} and {@link #put} what it read of each. Every other account read since then is as it
   * was. A sweep that starts after the last one's time leaves a gap: what was read before it waits
   * for its own time to run out.
   */
  public void swept(long sinceNanos, long queryNanos) {
    Swept last = swept;
    long from = last != null && sinceNanos - last.toNanos() <= 0 ? last.fromNanos() : sinceNanos;
    swept = new Swept(from, queryNanos);
  }

  /**
   * When the entry's standing was last known to hold. Only an active account's entry is renewed by
   * the sweeps: an account enabled again is not reported by them, so a refusal must run out.
   */
  private long knownAt(Entry entry) {
    Swept last = swept;
    if (last != null
        && entry.standing().active()
        && entry.readAtNanos() - last.fromNanos() >= 0
        && last.toNanos() - entry.readAtNanos() > 0) {
      return last.toNanos();
    }
    return entry.readAtNanos();
  }
}
