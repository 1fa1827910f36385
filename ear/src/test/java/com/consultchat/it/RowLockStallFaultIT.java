package com.consultchat.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A transaction holds every conversation row locked for 25 s while 50 people write 100 messages a
 * second and one person types in Chromium: the server's heap stays bounded, the login page keeps
 * answering, clients send at most two frames per message, and everything is stored within 5 s of
 * the lock's release.
 */
@ExtendWith(FaultStack.class)
class RowLockStallFaultIT {

  private static final String NAME = "stall";
  private static final int PEOPLE = 50;
  private static final double RATE = 100;
  private static final Duration STALL = Duration.ofSeconds(25);
  private static final int TYPED_DURING_STALL = 20;
  private static final double HEAP_SHARE_LIMIT = 0.8;
  private static final long LOGIN_LATENCY_LIMIT_MILLIS = 2_000;

  /**
   * The 2,500 messages held through the stall are committed in batches per lane once the lock is
   * gone; the load's time is printed apart from the page's, so a miss says which of them was late.
   */
  private static final Duration STORED_AFTER_LIMIT = Duration.ofSeconds(5);

  @Test
  void aLongRowLockNeitherDrownsTheServerNorLosesAMessage() throws Exception {
    long started = System.nanoTime();
    FaultStack stack = FaultStack.get();
    FaultServer server = stack.healthyServer();
    List<FaultStack.Person> people = stack.crowd(PEOPLE);
    FaultStack.Person typist = stack.newPerson("Palpitations after coffee");
    List<Long> conversations = new ArrayList<>();
    people.forEach(p -> conversations.add(p.conversation()));
    conversations.add(typist.conversation());
    String tag = WebClient.unique(NAME);

    ScheduledExecutorService probes = Executors.newScheduledThreadPool(2);
    try (FaultPage page = new FaultPage(NAME, typist);
        Load load = new Load(tag, people, 1)) {
      page.logIn();
      page.openChat();
      long pageFramesBefore = page.sendFrames();
      load.write(RATE);
      Await.until("load to flow", Duration.ofSeconds(30), () -> load.written() >= 300);

      AtomicLong worstLoginMillis = new AtomicLong();
      List<String> loginFailures = new CopyOnWriteArrayList<>();
      AtomicLong loginProbes = new AtomicLong();
      AtomicLong peakHeap = new AtomicLong();
      long maxHeap = server.heap()[1];
      probes.scheduleAtFixedRate(
          () -> {
            FaultServer.PageProbe probe = FaultServer.loginPage(Duration.ofSeconds(10));
            loginProbes.incrementAndGet();
            worstLoginMillis.accumulateAndGet(probe.millis(), Math::max);
            if (!probe.answered()) {
              loginFailures.add(probe.failure() + " after " + probe.millis() + " ms");
            }
          },
          0,
          1,
          TimeUnit.SECONDS);
      probes.scheduleAtFixedRate(
          () -> {
            try {
              peakHeap.accumulateAndGet(server.heap()[0], Math::max);
            } catch (RuntimeException managementBusy) {
              // A missed sample; the next one counts.
            }
          },
          0,
          1,
          TimeUnit.SECONDS);

      long writtenBeforeStall = load.written();
      long framesBeforeStall = load.sendFrames();
      ScheduledExecutorService typing = Executors.newSingleThreadScheduledExecutor();
      long releasedAt;
      try (AutoCloseable lock = FaultDatabase.lockConversations(conversations)) {
        // The person types at an even pace through the stall, the lock ends on schedule.
        for (int i = 1; i <= TYPED_DURING_STALL; i++) {
          String text = tag + " typed during the stall #" + i;
          typing.schedule(
              () -> page.write(text),
              STALL.toMillis() * i / (TYPED_DURING_STALL + 1),
              TimeUnit.MILLISECONDS);
        }
        typing.schedule(() -> {}, STALL.toMillis(), TimeUnit.MILLISECONDS).get();
        load.stopWriting();
        lock.close();
        releasedAt = System.currentTimeMillis();
      } finally {
        typing.shutdownNow();
      }
      long writtenDuringStall = load.written() - writtenBeforeStall;

      // The load and the page settle apart: each time says which of them was late, if one was.
      long[] settled = new long[2];
      Await.within(
          Duration.ofSeconds(90),
          () -> {
            long now = System.currentTimeMillis();
            if (settled[0] == 0 && load.pending() == 0) {
              settled[0] = now;
            }
            if (settled[1] == 0 && pageStored(typist, tag) == TYPED_DURING_STALL) {
              settled[1] = now;
            }
            return settled[0] != 0 && settled[1] != 0;
          });
      long loadStoredAfterMillis = settled[0] == 0 ? -1 : settled[0] - releasedAt;
      long pageStoredAfterMillis = settled[1] == 0 ? -1 : settled[1] - releasedAt;
      long storedAfterMillis =
          settled[0] == 0 || settled[1] == 0
              ? System.currentTimeMillis() - releasedAt
              : Math.max(settled[0], settled[1]) - releasedAt;
      probes.shutdownNow();
      long loadFrames = load.sendFrames() - framesBeforeStall;
      long pageFrames = page.sendFrames() - pageFramesBefore;
      Load.Stored stored = load.stored();
      long pageStored = pageStored(typist, tag);
      double framesPerMessage =
          (double) (loadFrames + pageFrames) / (writtenDuringStall + TYPED_DURING_STALL);
      double pageFramesPerMessage = (double) pageFrames / TYPED_DURING_STALL;

      Figures.print(
          NAME,
          "heap peak "
              + peakHeap.get() / (1024 * 1024)
              + " MB of "
              + maxHeap / (1024 * 1024)
              + " MB ("
              + Figures.percent(peakHeap.get(), maxHeap)
              + ")");
      Figures.print(
          NAME,
          "login page probes "
              + loginProbes.get()
              + ", failed or over 10 s "
              + loginFailures
              + ", worst latency "
              + worstLoginMillis.get()
              + " ms");
      Figures.print(
          NAME,
          "frames per message "
              + String.format("%.2f", framesPerMessage)
              + " (load "
              + loadFrames
              + " frames for "
              + writtenDuringStall
              + " messages; Chromium page "
              + pageFrames
              + " frames for "
              + TYPED_DURING_STALL
              + " messages = "
              + String.format("%.2f", pageFramesPerMessage)
              + ")");
      Figures.print(
          NAME,
          "everything stored "
              + storedAfterMillis
              + " ms after the stall (load "
              + loadStoredAfterMillis
              + " ms, page "
              + pageStoredAfterMillis
              + " ms)"
              + (load.pending() == 0 && pageStored == TYPED_DURING_STALL ? "" : " (NOT everything)")
              + "; load written "
              + stored.written()
              + ", stored once "
              + stored.storedOnce()
              + ", stored twice "
              + stored.duplicates()
              + ", out of order "
              + stored.outOfOrder()
              + "; page stored "
              + pageStored
              + "/"
              + TYPED_DURING_STALL);

      Figures.took(NAME, started);
      SoftAssertions soft = new SoftAssertions();
      soft.assertThat((double) peakHeap.get() / maxHeap)
          .as("peak heap share")
          .isLessThan(HEAP_SHARE_LIMIT);
      soft.assertThat(loginFailures).as("login probes that failed").isEmpty();
      soft.assertThat(worstLoginMillis.get())
          .as("worst login page latency (ms)")
          .isLessThanOrEqualTo(LOGIN_LATENCY_LIMIT_MILLIS);
      soft.assertThat(framesPerMessage).as("frames per message").isLessThanOrEqualTo(2.0);
      soft.assertThat(pageFramesPerMessage)
          .as("Chromium page frames per message")
          .isLessThanOrEqualTo(2.0);
      soft.assertThat(storedAfterMillis)
          .as("ms from the end of the stall until everything was stored")
          .isLessThanOrEqualTo(STORED_AFTER_LIMIT.toMillis());
      stored.assertExact(soft, "load messages");
      soft.assertThat(pageStored).as("page messages stored").isEqualTo(TYPED_DURING_STALL);
      soft.assertAll();
    } finally {
      probes.shutdownNow();
    }
  }

  private static long pageStored(FaultStack.Person typist, String tag) {
    return FaultDatabase.count(
        "select count(distinct body) from message where conversation_id = ? and body like ?",
        typist.conversation(),
        tag + " typed during the stall #%");
  }
}
