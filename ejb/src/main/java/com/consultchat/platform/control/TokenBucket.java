package com.consultchat.platform.control;

/**
 * One person's allowance of one kind: it holds up to a minute's worth of tokens and refills
 * continuously. Once it has refused, it refuses everything until the wait it named is over, even if
 * a token arrives sooner; so a client that sends again after that wait, in its own order, never
 * sees a later request taken before an earlier refused one.
 */
public final class TokenBucket {

  private static final long MINUTE_NANOS = 60_000_000_000L;
  private static final long SECOND_NANOS = 1_000_000_000L;

  private double tokens;
  private long refilledAt;
  private long closedUntil;

  public TokenBucket(int perMinute, long now) {
    this.tokens = perMinute;
    this.refilledAt = now;
    this.closedUntil = now;
  }

  /**
   * Takes a token at {@code now} with the current allowance: 0 when taken, otherwise the whole
   * seconds (at least one) to wait before asking again.
   */
  public synchronized int take(int perMinute, long clockReading) {
    long now = notBefore(clockReading);
    refill(perMinute, now);
    if (now - closedUntil < 0) {
      return seconds(closedUntil - now);
    }
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    int wait = seconds((long) Math.ceil((1 - tokens) * MINUTE_NANOS / perMinute));
    closedUntil = now + wait * SECOND_NANOS;
    return wait;
  }

  /**
   * Whether the bucket has refilled completely by {@code now}, so forgetting it changes nothing.
   */
  public synchronized boolean full(int perMinute, long clockReading) {
    long now = notBefore(clockReading);
    refill(perMinute, now);
    return tokens >= perMinute && now - closedUntil >= 0;
  }

  /**
   * Callers read the clock before they reach the bucket, so a reading can be older than one another
   * thread has already applied (two sockets of one person, one of them creating the bucket): such a
   * request came at the same moment, not before the bucket existed or before its wait began.
   */
  private long notBefore(long clockReading) {
    return clockReading - refilledAt < 0 ? refilledAt : clockReading;
  }

  private void refill(int perMinute, long now) {
    long elapsed = now - refilledAt;
    if (elapsed > 0) {
      tokens = Math.min(perMinute, tokens + (double) elapsed * perMinute / MINUTE_NANOS);
      refilledAt = now;
    }
    tokens = Math.min(tokens, perMinute);
  }

  private static int seconds(long nanos) {
    return (int) Math.max(1, (nanos + SECOND_NANOS - 1) / SECOND_NANOS);
  }
}
