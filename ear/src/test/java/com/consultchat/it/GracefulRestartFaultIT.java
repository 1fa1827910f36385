package com.consultchat.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A graceful restart with 1,000 open sockets (200 people, five tabs each) while they write: no
 * session is lost, every socket reconnects and catches up, and the reconnects spread over at least
 * 10 s instead of arriving at once.
 */
@ExtendWith(FaultStack.class)
class GracefulRestartFaultIT {

  private static final String NAME = "graceful";
  private static final int PEOPLE = 200;
  private static final int TABS = 5;
  private static final double RATE = 50;
  private static final long SPREAD_LIMIT_MILLIS = 10_000;

  @Test
  void aGracefulRestartKeepsEverySessionAndSpreadsTheReconnects() {
    long started = System.nanoTime();
    FaultStack stack = FaultStack.get();
    FaultServer server = stack.healthyServer();
    List<FaultStack.Person> people = stack.crowd(PEOPLE);

    try (Load load = new Load(WebClient.unique(NAME), people, TABS)) {
      int sockets = PEOPLE * TABS;
      load.write(RATE);
      Await.until("load to flow", Duration.ofSeconds(30), () -> load.written() >= 150);

      long stopAsked = System.currentTimeMillis();
      server.stopGracefully();
      long stoppedAt = System.currentTimeMillis();
      server.start(Map.of());
      long backAt = System.currentTimeMillis();
      boolean allBack =
          Await.within(
              Duration.ofSeconds(120),
              () -> load.clients.stream().allMatch(c -> c.allReady() && reconnected(c, stoppedAt)));
      load.stopWriting();
      boolean settled = load.settles(Duration.ofSeconds(60));
      boolean caughtUp = Await.within(Duration.ofSeconds(30), () -> caughtUpTabs(load) == sockets);

      // Each socket's first ready after the stop, from the first socket back: the storm's shape.
      List<Long> readyAt =
          load.clients.stream()
              .flatMap(c -> c.tabs().stream())
              .map(tab -> tab.readyTimes.stream().filter(t -> t > stoppedAt).findFirst())
              .flatMap(java.util.Optional::stream)
              .sorted()
              .toList();
      long firstBack = readyAt.isEmpty() ? backAt : readyAt.get(0);
      List<Long> reconnects = readyAt.stream().map(t -> t - firstBack).toList();
      long median = percentile(reconnects, 0.5);
      long p99 = percentile(reconnects, 0.99);
      long last = percentile(reconnects, 1.0);
      long withinThreeSeconds = reconnects.stream().filter(t -> t <= 3_000).count();
      Load.Stored stored = load.stored();
      long sessionsLost = load.clients.stream().mapToLong(c -> c.sessionsLost.get()).sum();

      Figures.print(
          NAME,
          "graceful stop took "
              + (stoppedAt - stopAsked)
              + " ms, start "
              + (backAt - stoppedAt)
              + " ms");
      Figures.print(NAME, "sessions lost " + sessionsLost + " of " + PEOPLE);
      Figures.print(
          NAME,
          "sockets reconnected "
              + reconnects.size()
              + "/"
              + sockets
              + ", caught up "
              + caughtUpTabs(load)
              + "/"
              + sockets
              + (caughtUp ? "" : " (after 30 s)"));
      Figures.print(
          NAME,
          "first socket back "
              + (firstBack - backAt)
              + " ms after the test saw the server serve; reconnects from the first: median "
              + median
              + " ms, 99th percentile "
              + p99
              + " ms, last "
              + last
              + " ms; within the first 3 s "
              + withinThreeSeconds
              + "/"
              + reconnects.size());
      Figures.print(
          NAME,
          stored.figures() + (settled ? "" : ", unacknowledged after 60 s " + load.pending()));

      Figures.took(NAME, started);
      SoftAssertions soft = new SoftAssertions();
      soft.assertThat(sessionsLost).as("sessions lost").isZero();
      soft.assertThat(allBack).as("every socket reconnected within 120 s").isTrue();
      soft.assertThat(caughtUp).as("every socket caught up").isTrue();
      soft.assertThat(p99)
          .as("spread of reconnects, first to 99th percentile (ms)")
          .isGreaterThanOrEqualTo(SPREAD_LIMIT_MILLIS);
      stored.assertExact(soft, "messages");
      soft.assertAll();
    }
  }

  private static boolean reconnected(LoadClient client, long since) {
    return client.tabs().stream().allMatch(t -> t.readyTimes.stream().anyMatch(r -> r > since));
  }

  /** Tabs that have received everything stored in their conversation. */
  private static long caughtUpTabs(Load load) {
    Map<Long, Long> lastSeq =
        FaultDatabase.query(
                "select id, last_seq from conversation where id = any (?)",
                (Object) load.clients.stream().map(c -> c.conversation).toArray(Long[]::new))
            .stream()
            .collect(
                java.util.stream.Collectors.toMap(
                    row -> ((Number) row.get(0)).longValue(),
                    row -> ((Number) row.get(1)).longValue()));
    return load.clients.stream()
        .flatMap(c -> c.tabs().stream().map(t -> t.seenSeq >= lastSeq.get(c.conversation)))
        .filter(Boolean::booleanValue)
        .count();
  }

  /** The value at the given share of a sorted list (1.0: the last), or 0 for none. */
  private static long percentile(List<Long> sorted, double share) {
    return sorted.isEmpty() ? 0 : sorted.get((int) Math.ceil(sorted.size() * share) - 1);
  }
}
