package com.consultchat.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.SoftAssertions;

/**
 * A crowd of load clients writing at a steady total rate, and what the database holds of what they
 * wrote afterwards.
 */
final class Load implements AutoCloseable {

  final String tag;
  final List<LoadClient> clients = new ArrayList<>();
  private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(4);
  private final List<ScheduledFuture<?>> writers = new ArrayList<>();

  /** One client per person, each with {@code tabs} sockets; opens them and waits for all ready. */
  Load(String tag, List<FaultStack.Person> people, int tabs) {
    this.tag = tag;
    for (FaultStack.Person person : people) {
      clients.add(
          new LoadClient(
              person.web(), FaultStack.PATIENT_PASSWORD, person.conversation(), tag, tabs, timers));
    }
    clients.forEach(LoadClient::start);
    Await.until(
        "every load socket to be ready",
        Duration.ofSeconds(120),
        () -> clients.stream().allMatch(LoadClient::allReady));
  }

  /** Every client writes at the same pace, starting at random offsets, to reach the total rate. */
  void write(double messagesPerSecond) {
    long period = Math.round(clients.size() * 1000 / messagesPerSecond);
    for (LoadClient client : clients) {
      writers.add(
          timers.scheduleAtFixedRate(
              client::write,
              ThreadLocalRandom.current().nextLong(period),
              period,
              TimeUnit.MILLISECONDS));
    }
  }

  void stopWriting() {
    writers.forEach(writer -> writer.cancel(false));
    writers.clear();
  }

  long written() {
    return clients.stream().mapToLong(LoadClient::writtenCount).sum();
  }

  long pending() {
    return clients.stream().mapToLong(LoadClient::pending).sum();
  }

  long sendFrames() {
    return clients.stream().mapToLong(c -> c.sendFrames.get()).sum();
  }

  long sessionsKept() {
    return clients.stream().filter(c -> c.sessionsLost.get() == 0).count();
  }

  /** Waits until nothing is unacknowledged; false if something still is at the limit. */
  boolean settles(Duration limit) {
    return Await.within(limit, () -> pending() == 0);
  }

  /** What the database holds of this load's messages, compared with what was written. */
  Stored stored() {
    Map<String, List<Integer>> bySender = new HashMap<>();
    for (List<Object> row :
        FaultDatabase.query(
            "select a.username, m.body from message m join account a on a.id = m.sender_id"
                + " where m.body like ? order by m.conversation_id, m.seq",
            tag + " %")) {
      String body = (String) row.get(1);
      bySender
          .computeIfAbsent((String) row.get(0), k -> new ArrayList<>())
          .add(Integer.parseInt(body.substring(body.lastIndexOf('#') + 1)));
    }
    long written = 0;
    long once = 0;
    long duplicates = 0;
    long outOfOrder = 0;
    for (LoadClient client : clients) {
      List<Integer> indexes = bySender.getOrDefault(client.web.username, List.of());
      written += client.writtenCount();
      once += indexes.stream().distinct().count();
      duplicates += indexes.size() - indexes.stream().distinct().count();
      for (int i = 1; i < indexes.size(); i++) {
        if (indexes.get(i) < indexes.get(i - 1)) {
          outOfOrder++;
        }
      }
    }
    return new Stored(written, once, duplicates, outOfOrder);
  }

  /** Figures of one load: written, stored (distinct), stored twice or more, order inversions. */
  record Stored(long written, long storedOnce, long duplicates, long outOfOrder) {
    long missing() {
      return written - storedOnce;
    }

    /** The figures as one line of the test output. */
    String figures() {
      return "messages written %d, stored once %d, missing %d, stored twice %d, out of order %d"
          .formatted(written, storedOnce, missing(), duplicates, outOfOrder);
    }

    /** The promise: every message written stored exactly once, in the order written. */
    void assertExact(SoftAssertions soft, String what) {
      soft.assertThat(missing()).as(what + " missing").isZero();
      soft.assertThat(duplicates).as(what + " stored twice").isZero();
      soft.assertThat(outOfOrder).as(what + " out of order").isZero();
    }
  }

  @Override
  public void close() {
    stopWriting();
    clients.forEach(LoadClient::stop);
    timers.shutdownNow();
  }
}
