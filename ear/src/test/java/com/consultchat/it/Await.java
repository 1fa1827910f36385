package com.consultchat.it;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for something outside the test that sends no event, such as a server coming back, by asking
 * again at short intervals until a deadline. Everything that does send events is awaited on a
 * queue.
 */
final class Await {

  private Await() {}

  static void until(String what, Duration limit, BooleanSupplier condition) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Gave up after " + limit + " waiting for " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
    }
  }

  /** Whether the condition became true within the limit; for figures that report a failure. */
  static boolean within(Duration limit, BooleanSupplier condition) {
    try {
      until("a condition", limit, condition);
      return true;
    } catch (AssertionError notMet) {
      return false;
    }
  }
}
