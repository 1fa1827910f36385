package com.consultchat.account.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Failed logins counted per key (a username or a client address). After a few free failures each
 * further one makes the key wait twice as long as the last before its next attempt is even checked;
 * after {@code lockoutFailures} the key is locked for the lockout time, which then lifts itself.
 * Only failures create entries, and failures come only after a key derivation, so the map grows no
 * faster than the bounded hashing pool allows; quiet entries are forgotten after the lockout time.
 */
public class Throttle {

  /** How a key is throttled. */
  public record Policy(
      int freeFailures,
      Duration firstDelay,
      Duration maxDelay,
      int lockoutFailures,
      Duration lockout) {

    public Policy {
      if (freeFailures < 0 || lockoutFailures <= freeFailures) {
        throw new IllegalArgumentException("A lockout needs more failures than the free ones");
      }
    }

    Duration delayAfter(int failures) {
      if (failures <= freeFailures || firstDelay.isZero()) {
        return Duration.ZERO;
      }
      int doublings = Math.min(failures - freeFailures - 1, 30);
      Duration delay = firstDelay.multipliedBy(1L << doublings);
      return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
  }

  /** Whether an attempt may be checked now. */
  public sealed interface Verdict {
    record Allowed() implements Verdict {}

    record Wait(Duration retryAfter) implements Verdict {}

    record Locked(Instant until) implements Verdict {}
  }

  private record Entry(int failures, Instant lastFailure, Instant lockedUntil) {}

  private static final Verdict ALLOWED = new Verdict.Allowed();
  private static final int PURGE_ABOVE = 1_000;

  private final Policy policy;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  public Throttle(Policy policy) {
    this.policy = policy;
  }

  public Verdict check(String key, Instant now) {
    Entry entry = current(key, now);
    if (entry == null) {
      return ALLOWED;
    }
    if (entry.lockedUntil() != null) {
      return new Verdict.Locked(entry.lockedUntil());
    }
    Instant next = entry.lastFailure().plus(policy.delayAfter(entry.failures()));
    return now.isBefore(next) ? new Verdict.Wait(Duration.between(now, next)) : ALLOWED;
  }

  /** Counts a failure; returns the end of the lockout this failure started, if it started one. */
  public Optional<Instant> failed(String key, Instant now) {
    if (entries.size() > PURGE_ABOVE) {
      entries.keySet().removeIf(k -> current(k, now) == null);
    }
    Instant[] started = new Instant[1];
    entries.compute(
        key,
        (k, old) -> {
          Entry live = old == null || expired(old, now) ? null : old;
          if (live != null && live.lockedUntil() != null) {
            return live;
          }
          int failures = live == null ? 1 : live.failures() + 1;
          if (failures >= policy.lockoutFailures()) {
            started[0] = now.plus(policy.lockout());
          }
          return new Entry(failures, now, started[0]);
        });
    return Optional.ofNullable(started[0]);
  }

  /** A success or an administrator's unlock: the key starts afresh. Whether it had failures. */
  public boolean clear(String key) {
    return entries.remove(key) != null;
  }

  public Optional<Instant> lockedUntil(String key, Instant now) {
    return Optional.ofNullable(current(key, now)).map(Entry::lockedUntil);
  }

  /** The keys locked at {@code now}. */
  public Set<String> locked(Instant now) {
    return entries.keySet().stream()
        .filter(key -> lockedUntil(key, now).isPresent())
        .collect(Collectors.toUnmodifiableSet());
  }

  private Entry current(String key, Instant now) {
    Entry entry = entries.get(key);
    if (entry != null && expired(entry, now)) {
      entries.remove(key, entry);
      return null;
    }
    return entry;
  }

  private boolean expired(Entry entry, Instant now) {
    if (entry.lockedUntil() != null) {
      return !now.isBefore(entry.lockedUntil());
    }
    return !now.isBefore(entry.lastFailure().plus(policy.lockout()));
  }
}
