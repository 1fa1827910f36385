package com.consultchat.web.messaging.control;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Logs failures of the message path once per kind and interval, with how many frames they hit.
 * During a database stall every frame fails the same way, thousands a second: one line each (let
 * alone a stack trace) filled disks and said nothing more than the first. Lines carry kinds and
 * counts, never a frame's content or an exception's message, which can quote row values.
 */
final class FailureLog {

  static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final LongSupplier clock;
  private final Consumer<String> out;
  private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

  FailureLog(LongSupplier clock, Consumer<String> out) {
    this.clock = clock;
    this.out = out;
  }

  /**
   * Counts one frame under {@code key}; writes {@code description} with the count when the key's
   * interval is over (at once for the first of a kind).
   */
  void note(String key, String description) {
    long now = clock.getAsLong();
    Window window = windows.computeIfAbsent(key, k -> new Window(now - 2 * INTERVAL_NANOS));
    long count;
    long since;
    synchronized (window) {
      window.count++;
      since = now - window.lastWritten;
      if (since < INTERVAL_NANOS) {
        return;
      }
      count = window.count;
      window.count = 0;
      window.lastWritten = now;
    }
    out.accept(
        description
            + ": "
            + count
            + (count == 1 ? " frame" : " frames")
            + (since >= 2 * INTERVAL_NANOS
                ? ""
                : " in the last " + TimeUnit.NANOSECONDS.toSeconds(since) + " s"));
  }

  private static final class Window {
    long lastWritten;
    long count;

    Window(long lastWritten) {
      this.lastWritten = lastWritten;
    }
  }
}
