package com.consultchat.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server's JVM is killed (SIGKILL) while 100 people write and one person types in Chromium
 * during the outage: after the restart everyone is still logged in, and every message written is
 * stored once, in the order its writer wrote it.
 */
@ExtendWith(FaultStack.class)
class KillNineFaultIT {

  private static final String NAME = "kill9";
  private static final int PEOPLE = 100;

  /** The client's longest pause between socket attempts (backoff.js), and some margin. */
  private static final Duration RECONNECT_WAIT = Duration.ofSeconds(75);

  private static final List<String> WRITTEN_DURING_OUTAGE =
      List.of("Written while the server was down, first.", "Second, still down.", "Third.");

  @Test
  void aCrashUnderLoadKeepsEverySessionAndEveryMessageInOrder() {
    long started = System.nanoTime();
    FaultStack stack = FaultStack.get();
    FaultServer server = stack.healthyServer();
    // Sessions born since the server's last start: a crash must keep them without a stop's help.
    List<FaultStack.Person> people = stack.freshSessions(stack.crowd(PEOPLE));
    FaultStack.Person typist = stack.newPerson("Chest pain at night");

    try (FaultPage page = new FaultPage(NAME, typist);
        Load load = new Load(WebClient.unique(NAME), people, 1)) {
      page.logIn();
      page.openChat();
      load.write(100);
      Await.until("load to be acknowledged", Duration.ofSeconds(30), () -> load.written() >= 500);

      server.kill9();
      long killedAt = System.currentTimeMillis();
      page.browser.waitUntil(d -> !"connected".equals(page.connectionState()) ? true : null);
      WRITTEN_DURING_OUTAGE.forEach(page::write);
      page.browser.waitUntil(d -> page.outboxShown() == WRITTEN_DURING_OUTAGE.size() ? true : null);

      server.start(Map.of());
      long downMillis = System.currentTimeMillis() - killedAt;
      long writtenBack = load.written();
      Await.until(
          "5 s of load after the restart",
          Duration.ofSeconds(60),
          () -> load.written() >= writtenBack + 500);
      load.stopWriting();

      // The page either resumes on its own or, with its session gone, lands at the login page;
      // then its person logs in again, as they would, and opens the chat. After a crash the socket
      // retries on exponential backoff with full jitter, up to a minute between attempts.
      page.browser.waitUntil(
          RECONNECT_WAIT,
          d -> page.atLogin() || "connected".equals(page.connectionState()) ? true : null);
      boolean pageSessionKept = !page.atLogin();
      String landedAt = page.url();
      if (!pageSessionKept) {
        page.logIn();
        page.openChat();
      }
      boolean settled = load.settles(Duration.ofSeconds(90));
      boolean pageStored =
          Await.within(
              Duration.ofSeconds(30),
              () -> storedBodies(typist).containsAll(WRITTEN_DURING_OUTAGE));
      List<String> pageBodies = storedBodies(typist);
      Load.Stored stored = load.stored();

      Figures.print(NAME, "server down for " + downMillis + " ms (kill -9 to serving again)");
      Figures.print(NAME, "load sessions kept " + load.sessionsKept() + "/" + PEOPLE);
      Figures.print(
          NAME,
          stored.figures()
              + ", unacknowledged "
              + load.pending()
              + (settled ? "" : " (still unacknowledged after 90 s)"));
      Figures.print(
          NAME,
          "Chromium page session kept "
              + pageSessionKept
              + " (landed at "
              + landedAt.replaceAll("^.*/consultchat", "")
              + "), written during the outage "
              + WRITTEN_DURING_OUTAGE.size()
              + ", stored "
              + pageBodies.stream().filter(WRITTEN_DURING_OUTAGE::contains).count()
              + (pageStored ? "" : " (after 30 s)")
              + ", in order "
              + pageBodies.equals(WRITTEN_DURING_OUTAGE));

      Figures.took(NAME, started);
      SoftAssertions soft = new SoftAssertions();
      soft.assertThat(load.sessionsKept()).as("load sessions kept").isEqualTo(PEOPLE);
      soft.assertThat(pageSessionKept).as("Chromium page session kept").isTrue();
      stored.assertExact(soft, "messages");
      soft.assertThat(pageBodies)
          .as("messages written in Chromium during the outage, as stored")
          .containsExactlyElementsOf(WRITTEN_DURING_OUTAGE);
      soft.assertAll();
    }
  }

  private static List<String> storedBodies(FaultStack.Person person) {
    return FaultDatabase.query(
            "select body from message where conversation_id = ? order by seq",
            person.conversation())
        .stream()
        .map(row -> (String) row.get(0))
        .toList();
  }
}
