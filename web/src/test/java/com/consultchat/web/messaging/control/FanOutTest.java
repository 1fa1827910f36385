package com.consultchat.web.messaging.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FanOutTest {

  private final ExecutorService threads = Executors.newFixedThreadPool(4);

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  @Test
  void everyoneGetsEveryFrameInTheOrderItWasHandedIn() throws InterruptedException {
    FanOut fanOut = new FanOut(4, threads);
    List<Long> room = LongStream.rangeClosed(1, 50).boxed().toList();
    int frames = 500;
    Map<Long, List<Integer>> received = new ConcurrentHashMap<>();
    CountDownLatch all = new CountDownLatch(room.size() * frames);

    for (int frame = 0; frame < frames; frame++) {
      int number = frame;
      fanOut.deliver(
          room,
          account -> {
            // Each account is only ever written by its own lane, one batch at a time.
            received.computeIfAbsent(account, a -> new ArrayList<>()).add(number);
            all.countDown();
          });
    }

    assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
    List<Integer> expected = java.util.stream.IntStream.range(0, frames).boxed().toList();
    room.forEach(account -> assertThat(received.get(account)).isEqualTo(expected));
  }

  @Test
  void aFailedDeliveryStopsNeitherTheOthersNorTheLane() throws InterruptedException {
    FanOut fanOut = new FanOut(1, threads);
    CountDownLatch delivered = new CountDownLatch(2);

    fanOut.deliver(
        List.of(1L, 2L),
        account -> {
          if (account == 1L) {
            throw new IllegalStateException("socket gone");
          }
          delivered.countDown();
        });
    fanOut.deliver(List.of(1L), account -> delivered.countDown());

    assertThat(delivered.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aStoppedExecutorStillDeliversOnTheCallingThread() {
    threads.shutdown();
    FanOut fanOut = new FanOut(2, threads);
    List<Long> got = new ArrayList<>();

    fanOut.deliver(List.of(1L, 2L), got::add);

    assertThat(got).containsExactlyInAnyOrder(1L, 2L);
  }
}
