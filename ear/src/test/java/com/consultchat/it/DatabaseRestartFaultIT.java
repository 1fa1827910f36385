package com.consultchat.it;

import java.time.Duration;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL restarts while 20 people write: sends succeed again within 2 s of the database being
 * back, nothing is lost or doubled, and the event costs the logs less than 1 MB.
 */
@ExtendWith(FaultStack.class)
class DatabaseRestartFaultIT {

  private static final String NAME = "pg-restart";
  private static final int PEOPLE = 20;
  private static final double RATE = 20;
  private static final long RECOVERY_LIMIT_MILLIS = 2_000;
  private static final long LOG_GROWTH_LIMIT_BYTES = 1024 * 1024;

  @Test
  void sendsRecoverWithinTwoSecondsOfTheDatabaseAndTheLogsStayQuiet() {
    long started = System.nanoTime();
    FaultStack stack = FaultStack.get();
    FaultServer server = stack.healthyServer();
    List<FaultStack.Person> people = stack.crowd(PEOPLE);

    try (Load load = new Load(WebClient.unique(NAME), people, 1)) {
      load.write(RATE);
      Await.until("load to flow", Duration.ofSeconds(30), () -> load.written() >= 60);
      long logBefore = server.logBytes();
      long restartAsked = System.currentTimeMillis();
      FaultDatabase.restart();
      long backAt = System.currentTimeMillis();
      long writtenAtBack = load.written();
      Await.until(
          "10 s of load after the database is back",
          Duration.ofSeconds(60),
          () -> load.written() >= writtenAtBack + 10 * (long) RATE);
      load.stopWriting();
      boolean settled = load.settles(Duration.ofSeconds(90));
      long logGrowth = server.logBytes() - logBefore;

      long now = System.currentTimeMillis();
      List<LoadClient.Item> afterBack =
          load.clients.stream()
              .flatMap(c -> c.written().stream())
              .filter(item -> item.writtenAt >= backAt)
              .toList();
      long worstAckMillis =
          afterBack.stream()
              .mapToLong(i -> (i.ackedAt == 0 ? now : i.ackedAt) - i.writtenAt)
              .max()
              .orElse(0);
      long lastSlowAckAfterBack =
          afterBack.stream()
              .filter(i -> i.ackedAt == 0 || i.ackedAt - i.writtenAt > RECOVERY_LIMIT_MILLIS)
              .mapToLong(i -> i.writtenAt - backAt)
              .max()
              .orElse(-1);
      Load.Stored stored = load.stored();

      Figures.print(
          NAME, "restart took " + (backAt - restartAsked) + " ms (pg_ctlcluster restart)");
      Figures.print(
          NAME,
          "messages written after the database was back "
              + afterBack.size()
              + ", worst ack "
              + worstAckMillis
              + " ms, last one acked later than 2 s was written "
              + (lastSlowAckAfterBack < 0 ? "never" : lastSlowAckAfterBack + " ms")
              + " after it was back");
      Figures.print(
          NAME,
          "log growth "
              + logGrowth
              + " bytes (server.log + console) during the event and recovery");
      Figures.print(
          NAME,
          stored.figures() + (settled ? "" : ", unacknowledged after 90 s " + load.pending()));

      Figures.took(NAME, started);
      SoftAssertions soft = new SoftAssertions();
      soft.assertThat(worstAckMillis)
          .as("worst ack (ms) of messages written after the database was back")
          .isLessThanOrEqualTo(RECOVERY_LIMIT_MILLIS);
      soft.assertThat(logGrowth).as("log growth (bytes)").isLessThan(LOG_GROWTH_LIMIT_BYTES);
      stored.assertExact(soft, "messages");
      soft.assertAll();
    }
  }
}
