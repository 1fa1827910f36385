package com.consultchat.platform.boundary;

import com.consultchat.platform.control.TokenBucket;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * Per-person allowances (token buckets) on this node, one per kind of request, sized by {@link
 * Settings} at every use so an operator's change counts at once. A refusal stores nothing: the
 * caller answers {@code rate-limited} with the wait, and the same request is welcome after it.
 */
@ApplicationScoped
public class RateLimits {

  /** What a request spends. */
  public enum Kind {
    /** Sends, edits and deletes of messages. */
    MESSAGES,
    /** Other writes: asking, follow-ups, joining and leaving rooms, reports. */
    ACTIONS,
    /** Every other frame. */
    FRAMES
  }

  /** Buckets forgotten once refilled, checked every this many requests. */
  private static final int SWEEP_EVERY = 4096;

  private final Map<Kind, ConcurrentHashMap<Long, TokenBucket>> buckets = new EnumMap<>(Kind.class);
  private final AtomicInteger untilSweep = new AtomicInteger(SWEEP_EVERY);
  private final LongSupplier clock;

  @Inject Settings settings;

  public RateLimits() {
    this(System::nanoTime);
  }

  RateLimits(LongSupplier clock) {
    this.clock = clock;
    for (Kind kind : Kind.values()) {
      buckets.put(kind, new ConcurrentHashMap<>());
    }
  }

  /** Spends one of the person's {@code kind}; refuses with the wait when there is none. */
  public void spend(long personId, Kind kind) {
    int wait = tryToSpend(personId, kind);
    if (wait > 0) {
      throw new RateLimited(wait);
    }
  }

  /** 0 when spent, else the whole seconds to wait. */
  public int tryToSpend(long personId, Kind kind) {
    int perMinute = perMinute(kind);
    long now = clock.getAsLong();
    if (untilSweep.decrementAndGet() <= 0) {
      untilSweep.set(SWEEP_EVERY);
      sweep(now);
    }
    return buckets
        .get(kind)
        .computeIfAbsent(personId, id -> new TokenBucket(perMinute, now))
        .take(perMinute, now);
  }

  private void sweep(long now) {
    buckets.forEach(
        (kind, mine) -> {
          int perMinute = perMinute(kind);
          mine.values().removeIf(bucket -> bucket.full(perMinute, now));
        });
  }

  private int perMinute(Kind kind) {
    return switch (kind) {
      case MESSAGES -> settings.messagesPerMinute();
      case ACTIONS -> settings.actionsPerMinute();
      case FRAMES -> settings.framesPerMinute();
    };
  }
}
