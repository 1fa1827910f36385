package com.consultchat.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Twenty {@code :reload}s of the server while 20 people write: after every one the application is
 * deployed and answering, and every message is stored once, in order.
 */
@ExtendWith(FaultStack.class)
class ReloadFaultIT {

  private static final String NAME = "reload";
  private static final int RELOADS = 20;
  private static final int PEOPLE = 20;
  private static final double RATE = 20;
  private static final Duration BACK_LIMIT = Duration.ofSeconds(60);

  @Test
  void everyReloadUnderLoadLeavesTheApplicationDeployedAndAnswering() {
    long started = System.nanoTime();
    FaultStack stack = FaultStack.get();
    FaultServer server = stack.healthyServer();
    List<FaultStack.Person> people = stack.crowd(PEOPLE);

    try (Load load = new Load(WebClient.unique(NAME), people, 1)) {
      load.write(RATE);
      Await.until("load to flow", Duration.ofSeconds(30), () -> load.written() >= 40);
      List<Integer> undeployed = new ArrayList<>();
      List<Long> backMillis = new ArrayList<>();
      for (int i = 1; i <= RELOADS; i++) {
        long reloadAsked = System.currentTimeMillis();
        server.reload();
        boolean back = Await.within(BACK_LIMIT, () -> server.deployed() && server.answering());
        if (back) {
          backMillis.add(System.currentTimeMillis() - reloadAsked);
        } else {
          undeployed.add(i);
        }
      }
      load.stopWriting();
      boolean settled = load.settles(Duration.ofSeconds(90));
      Load.Stored stored = load.stored();

      Figures.print(
          NAME,
          "reloads "
              + RELOADS
              + ", deployed and answering after "
              + backMillis.size()
              + "/"
              + RELOADS
              + (undeployed.isEmpty() ? "" : " (not after reload " + undeployed + ")"));
      Figures.print(
          NAME,
          "time from :reload to answering: median "
              + backMillis.stream().sorted().skip(backMillis.size() / 2).findFirst().orElse(-1L)
              + " ms, worst "
              + backMillis.stream().mapToLong(Long::longValue).max().orElse(-1)
              + " ms");
      Figures.print(
          NAME,
          "sessions kept "
              + load.sessionsKept()
              + "/"
              + PEOPLE
              + ", "
              + stored.figures()
              + (settled ? "" : ", unacknowledged after 90 s " + load.pending()));

      Figures.took(NAME, started);
      SoftAssertions soft = new SoftAssertions();
      soft.assertThat(undeployed).as("reloads after which the application did not serve").isEmpty();
      stored.assertExact(soft, "messages");
      soft.assertAll();
    }
  }
}
