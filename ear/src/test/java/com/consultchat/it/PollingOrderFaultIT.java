package com.consultchat.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With the clinic forcing polling, a Chromium page goes offline, its person writes 1, 2, 3, and the
 * page comes back: the three are stored in the order written, round after round.
 */
@ExtendWith(FaultStack.class)
class PollingOrderFaultIT {

  private static final String NAME = "polling-order";
  private static final int ROUNDS = 3;
  private static final int WRITTEN = 3;

  @Test
  void messagesWrittenOfflineUnderPollingAreStoredInTheOrderWritten() {
    long started = System.nanoTime();
    FaultStack stack = FaultStack.get();
    FaultServer server = stack.healthyServer();
    FaultStack.Person person = stack.newPerson("Swollen ankle after a fall");
    String tag = WebClient.unique(NAME);
    // The clinic's switch, read on every page, as an operator would set it on a running server.
    server.systemProperty("consultchat.force.polling", "true");
    try (FaultPage page = new FaultPage(NAME, person)) {
      page.logIn();
      page.openChat();
      String transport = page.connectionState();
      List<String> orders = new ArrayList<>();
      int inOrder = 0;
      for (int round = 1; round <= ROUNDS; round++) {
        page.offline(true);
        page.browser.waitUntil(d -> "offline".equals(page.connectionState()) ? true : null);
        List<String> written = new ArrayList<>();
        for (int i = 1; i <= WRITTEN; i++) {
          written.add(tag + " round " + round + " #" + i);
          page.write(written.get(i - 1));
        }
        page.browser.waitUntil(d -> page.outboxShown() == WRITTEN ? true : null);
        page.offline(false);
        String prefix = tag + " round " + round + " #";
        Await.within(Duration.ofSeconds(30), () -> stored(person, prefix).size() == WRITTEN);
        List<String> stored = stored(person, prefix);
        orders.add(
            String.join(
                ",", stored.stream().map(b -> b.substring(b.lastIndexOf('#') + 1)).toList()));
        if (stored.equals(written)) {
          inOrder++;
        }
        Await.within(Duration.ofSeconds(30), () -> page.outboxShown() == 0);
      }

      Figures.print(
          NAME,
          "transport "
              + transport
              + ", rounds "
              + ROUNDS
              + " of "
              + WRITTEN
              + " messages written offline, stored in the order written "
              + inOrder
              + "/"
              + ROUNDS
              + " (stored orders "
              + orders
              + ")");

      Figures.took(NAME, started);
      SoftAssertions soft = new SoftAssertions();
      soft.assertThat(transport).as("the page's transport").isEqualTo("polling");
      soft.assertThat(orders)
          .as("orders stored, per round")
          .containsOnly(String.join(",", List.of("1", "2", "3")));
      soft.assertAll();
    } finally {
      server.systemProperty("consultchat.force.polling", null);
    }
  }

  private static List<String> stored(FaultStack.Person person, String prefix) {
    return FaultDatabase.query(
            "select body from message where conversation_id = ? and body like ? order by seq",
            person.conversation(),
            prefix + "%")
        .stream()
        .map(row -> (String) row.get(0))
        .toList();
  }
}
