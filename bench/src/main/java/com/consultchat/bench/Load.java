package com.consultchat.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** The agent's traffic commands: paced one-to-one load, room sends, and waiting for deliveries. */
final class Load {

  private final Agent agent;

  Load(Agent agent) {
    this.agent = agent;
  }

  /**
   * Every open socket sends, round robin, {@code rate} messages per second in all for {@code
   * seconds} (open loop: the pace does not wait for the server). Then waits up to {@code
   * drainSeconds} for every ack and for both members of each pair to hold every message.
   */
  String drive(double rate, int seconds, int drainSeconds) throws InterruptedException {
    List<BenchSocket> senders = agent.sockets.stream().filter(BenchSocket::open).toList();
    if (senders.isEmpty()) {
      throw new IllegalStateException(
          "no open socket to send from; see the open command's reasons");
    }
    Traffic traffic = agent.traffic;
    long start = System.nanoTime();
    long end = start + seconds * 1_000_000_000L;
    traffic.windowEnd = end;
    CompletableFuture<Long> paced = new CompletableFuture<>();
    ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    long[] issued = {0};
    pacer.scheduleAtFixedRate(
        () -> {
          long now = System.nanoTime();
          long due = (long) (rate * (Math.min(now, end) - start) / 1e9) - issued[0];
          for (long i = 0; i < due; i++) {
            senders.get((int) (issued[0] % senders.size())).post((int) issued[0]);
            issued[0]++;
          }
          if (now >= end) {
            paced.complete(issued[0]);
          }
        },
        0,
        2,
        TimeUnit.MILLISECONDS);
    long sent;
    try {
      sent = paced.get(seconds + 30L, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("pacing did not finish", e);
    } finally {
      pacer.shutdownNow();
    }
    long paceEnd = System.nanoTime();
    boolean acked;
    if (agent.target.xmpp()) {
      // XMPP acks nothing and sends the sender no copy: only the peer receives each message.
      acked = true;
      traffic.firstSeen.target(sent);
    } else {
      traffic.resolved.target(sent);
      acked = traffic.resolved.await(drainSeconds * 1000L);
      // Both members hold every acknowledged message, the sender its own copy.
      traffic.firstSeen.target(traffic.acked.sum() * 2);
    }
    boolean delivered = traffic.firstSeen.await(drainSeconds * 1000L);
    return "start="
        + start
        + " end="
        + paceEnd
        + " acksDone="
        + acked
        + " deliveriesDone="
        + delivered
        + " "
        + counters(traffic);
  }

  /** Every local socket should see {@code count} new messages of its conversation. */
  String expect(int count) {
    long sockets = agent.sockets.stream().filter(BenchSocket::open).count();
    agent.traffic.firstSeen.target(sockets * count);
    return "expecting=" + sockets * count;
  }

  /**
   * The socket of account {@code index} sends {@code count} messages, one every {@code intervalMs}
   * (0: as fast as {@code window} unacknowledged messages allow), and waits for their acks.
   */
  String send(int index, int count, int intervalMs, int window, int timeoutSeconds)
      throws InterruptedException {
    BenchSocket sender =
        agent.sockets.stream()
            .filter(s -> s.index == index && s.open())
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no open socket for " + index));
    Traffic traffic = agent.traffic;
    Semaphore slots = new Semaphore(window);
    traffic.window = slots;
    long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
    long first = System.nanoTime();
    for (int n = 0; n < count; n++) {
      long due = first + n * intervalMs * 1_000_000L;
      while (System.nanoTime() < due) {
        LockSupport.parkNanos(due - System.nanoTime());
      }
      long left = deadline - System.nanoTime();
      if (left <= 0 || !slots.tryAcquire(left, TimeUnit.NANOSECONDS)) {
        break;
      }
      sender.post(n);
    }
    long last = System.nanoTime();
    traffic.resolved.target(traffic.issued.sum());
    boolean acked = traffic.resolved.await(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
    long[] range = traffic.ackRanges.getOrDefault(sender.conversation, new long[] {1, 0, 0});
    return "first="
        + first
        + " last="
        + last
        + " acksDone="
        + acked
        + " from="
        + range[0]
        + " to="
        + range[1]
        + " "
        + counters(traffic);
  }

  /** Waits for what {@link #expect} announced; reports arrivals, per message for rooms. */
  String await(int timeoutMillis) {
    Traffic traffic = agent.traffic;
    boolean complete = traffic.firstSeen.await(timeoutMillis);
    Map<Integer, long[]> perMessage = new TreeMap<>(traffic.perMessage);
    StringBuilder messages = new StringBuilder();
    perMessage.forEach(
        (n, stats) ->
            messages
                .append(n)
                .append(':')
                .append(stats[0])
                .append(':')
                .append(stats[1])
                .append(','));
    return "complete=" + complete + " messages=" + messages + " " + counters(traffic);
  }

  private static String counters(Traffic t) {
    return "issued="
        + t.issued.sum()
        + " acked="
        + t.acked.sum()
        + " refused="
        + t.refused.sum()
        + " resent="
        + t.resent.sum()
        + " unresolved="
        + t.pending.size()
        + " sendFailures="
        + t.sendFailures.sum()
        + " delivered="
        + t.delivered.sum()
        + " deliveredInWindow="
        + t.deliveredInWindow.sum()
        + " echoes="
        + t.echoes.sum()
        + " foreign="
        + t.foreign.sum()
        + " firstSeen="
        + t.firstSeen.count()
        + " lastArrival="
        + t.lastArrival.get()
        + " problems="
        + t.problemSummary()
        + " hist="
        + t.delivery.encode()
        + " ackhist="
        + t.ack.encode();
  }
}
