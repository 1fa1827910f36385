package com.consultchat.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter whose target may be set after counting has begun (the number of deliveries to expect is
 * known only once every send is acknowledged); waiting for it is bounded by a timeout.
 */
final class Countdown {

  private final AtomicLong count = new AtomicLong();
  private final CompletableFuture<Long> reached = new CompletableFuture<>();
  private volatile long target = Long.MAX_VALUE;

  void increment() {
    if (count.incrementAndGet() >= target) {
      reached.complete(System.nanoTime());
    }
  }

  void target(long value) {
    target = value;
    if (count.get() >= value) {
      reached.complete(System.nanoTime());
    }
  }

  long count() {
    return count.get();
  }

  /** Whether the target was reached within the timeout. */
  boolean await(long timeoutMillis) {
    try {
      reached.get(timeoutMillis, TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
