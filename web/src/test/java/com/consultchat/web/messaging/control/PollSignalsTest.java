package com.consultchat.web.messaging.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PollSignalsTest {

  private final AtomicLong nanos = new AtomicLong();
  private final PollSignals signals = new PollSignals(nanos::get);

  @Test
  void aSignalReachesThePollOfItsPersonAndConversationOnce() {
    signals.leave(7, 1, "{\"type\":\"emergency\"}");

    assertThat(signals.take(7, 2)).isEmpty();
    assertThat(signals.take(8, 1)).isEmpty();
    assertThat(signals.take(7, 1)).containsExactly("{\"type\":\"emergency\"}");
    assertThat(signals.take(7, 1)).isEmpty();
  }

  @Test
  void aSignalNobodyPolledForExpires() {
    signals.leave(7, 1, "{\"type\":\"emergency\"}");
    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(PollSignals.KEPT_MILLIS) + 1);

    signals.sweep();

    assertThat(signals.take(7, 1)).isEmpty();
  }
}
