package com.consultchat.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one client JVM sent and received during one measurement. A fresh instance starts each
 * measurement, so nothing from an earlier step is counted in a later one.
 */
final class Traffic {

  /** Send to arrival at another member of the conversation. */
  final Histogram delivery = new Histogram();

  /** Send to the sender's ack: the message is stored. */
  final Histogram ack = new Histogram();

  final Map<String, Long> pending = new ConcurrentHashMap<>();

  /**
   * {lowest, highest, count} of the sequence numbers acknowledged per conversation; for XMPP, sent
   * per sender, whose numbering is the only one.
   */
  final Map<Long, long[]> ackRanges = new ConcurrentHashMap<>();

  final Map<String, LongAdder> problems = new ConcurrentHashMap<>();
  final Map<Integer, long[]> perMessage = new ConcurrentHashMap<>();
  final LongAdder issued = new LongAdder();
  final LongAdder acked = new LongAdder();
  final LongAdder resent = new LongAdder();
  final LongAdder refused = new LongAdder();
  final LongAdder delivered = new LongAdder();
  final LongAdder deliveredInWindow = new LongAdder();
  final LongAdder echoes = new LongAdder();
  final LongAdder foreign = new LongAdder();
  final LongAdder sendFailures = new LongAdder();
  final LongAccumulator lastArrival = new LongAccumulator(Math::max, 0);
  final Countdown resolved = new Countdown();
  final Countdown firstSeen = new Countdown();
  final boolean perMessageStats;
  volatile long windowEnd = Long.MAX_VALUE;
  volatile java.util.concurrent.Semaphore window;

  Traffic(boolean perMessageStats) {
    this.perMessageStats = perMessageStats;
  }

  void sent(String clientId, long nanos) {
    pending.put(clientId, nanos);
    issued.increment();
  }

  void acked(String clientId, long conversation, long seq, boolean resend, long now) {
    Long sent = pending.remove(clientId);
    if (sent == null) {
      problem("ack-unknown");
      return;
    }
    ack.record((now - sent) / 1000);
    acked.increment();
    if (resend) {
      resent.increment();
    }
    extendRange(conversation, seq);
    resolved();
  }

  /**
   * A message sent over a protocol without per-message acks (XMPP): what was sent is what the
   * recipient must hold, so the sender's own numbering goes into the ranges checked afterwards.
   */
  void sentWithoutAck(long stream, long seq) {
    issued.increment();
    extendRange(stream, seq);
  }

  private void extendRange(long stream, long seq) {
    ackRanges.compute(
        stream,
        (id, range) -> {
          if (range == null) {
            return new long[] {seq, seq, 1};
          }
          range[0] = Math.min(range[0], seq);
          range[1] = Math.max(range[1], seq);
          range[2]++;
          return range;
        });
  }

  void refused(String clientId, String code) {
    problem("error-" + code);
    if (clientId != null && pending.remove(clientId) != null) {
      refused.increment();
      resolved();
    }
  }

  private void resolved() {
    resolved.increment();
    java.util.concurrent.Semaphore slots = window;
    if (slots != null) {
      slots.release();
    }
  }

  /** A message seen for the first time on one socket. */
  void arrived(boolean own, String body, long now) {
    lastArrival.accumulate(now);
    if (own) {
      echoes.increment();
    } else {
      recordDelivery(body, now);
    }
    // Last: whoever waits for this count reads the figures above once it is reached.
    firstSeen.increment();
  }

  private void recordDelivery(String body, long now) {
    delivered.increment();
    if (now <= windowEnd) {
      deliveredInWindow.increment();
    }
    long sent = Frames.sentNanos(body);
    if (sent > 0) {
      long micros = (now - sent) / 1000;
      delivery.record(micros);
      if (perMessageStats) {
        perMessage.compute(
            Frames.messageNumber(body),
            (n, stats) -> {
              long[] s = stats == null ? new long[2] : stats;
              s[0]++;
              s[1] = Math.max(s[1], micros);
              return s;
            });
      }
    }
  }

  void problem(String what) {
    problems.computeIfAbsent(what, k -> new LongAdder()).increment();
  }

  String problemSummary() {
    StringBuilder text = new StringBuilder();
    problems.forEach(
        (what, count) -> text.append(what).append(':').append(count.sum()).append(','));
    return text.toString();
  }
}
