package com.consultchat.web.messaging.control;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Hands on each conversation's messages in sequence order. Transactions of one conversation commit
 * in seq order (the row lock sees to that), but their after-commit callbacks run on different
 * threads and may arrive swapped. A message that arrives early waits here until the one before it
 * has gone out, or until {@link #HOLD_NANOS} have passed, in case that one never comes; clients
 * would then fetch it as a gap. The first message of a conversation this node sees sets where the
 * order starts.
 */
final class SeqOrder {

  static final long HOLD_NANOS = 500_000_000L;

  /** A conversation quiet for this long is forgotten; its next message starts the order again. */
  static final long IDLE_NANOS = 300_000_000_000L;

  private final Map<Long, Line> lines = new ConcurrentHashMap<>();
  private final LongSupplier clock;

  SeqOrder(LongSupplier nanoClock) {
    this.clock = nanoClock;
  }

  /** Runs {@code send} now, or later in order; also runs any held message that may now go. */
  void arrive(long conversation, long seq, Runnable send) {
    lines.computeIfAbsent(conversation, c -> new Line()).arrive(seq, send, clock.getAsLong());
  }

  /** Lets held messages go that waited too long, and forgets idle conversations. */
  void sweep() {
    long now = clock.getAsLong();
    lines.values().forEach(line -> line.releaseOverdue(now));
    lines.values().removeIf(line -> line.idleSince(now));
  }

  private static final class Line {
    private long delivered = -1;
    private long lastActivity;
    private long heldSince;
    private final TreeMap<Long, Runnable> held = new TreeMap<>();

    synchronized void arrive(long seq, Runnable send, long now) {
      lastActivity = now;
      if (delivered < 0 || seq <= delivered + 1) {
        send.run();
        delivered = Math.max(delivered, seq);
        drain();
      } else {
        if (held.isEmpty()) {
          heldSince = now;
        }
        held.put(seq, send);
        releaseOverdue(now);
      }
    }

    synchronized void releaseOverdue(long now) {
      if (!held.isEmpty() && now - heldSince >= HOLD_NANOS) {
        Map.Entry<Long, Runnable> first;
        while ((first = held.pollFirstEntry()) != null) {
          first.getValue().run();
          delivered = Math.max(delivered, first.getKey());
        }
      }
    }

    synchronized boolean idleSince(long now) {
      return held.isEmpty() && now - lastActivity >= IDLE_NANOS;
    }

    private void drain() {
      Runnable next;
      while ((next = held.remove(delivered + 1)) != null) {
        next.run();
        delivered++;
      }
      if (!held.isEmpty()) {
        heldSince = lastActivity;
      }
    }
  }
}
