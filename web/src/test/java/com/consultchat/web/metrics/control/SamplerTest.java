package com.consultchat.web.metrics.control;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SamplerTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final Sampler sampler = new Sampler();
  private final AtomicInteger sockets = new AtomicInteger(3);

  private void at(long epochSecond) {
    sampler.clock = Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    sampler.sample(registry);
  }

  @Test
  void countersBecomeRatesPerMinuteBetweenTwoSamples() {
    Counter messages = registry.counter("consultchat.messages");
    Gauge.builder("consultchat.sockets.open", sockets, AtomicInteger::get).register(registry);
    messages.increment(5);
    at(1_000);
    messages.increment(4);
    sockets.set(5);
    at(1_010);

    MetricsHistory.Columns columns = sampler.history().columns(Sampler.FIGURES);
    assertThat(columns.times()).containsExactly(1_000L, 1_010L);
    assertThat(columns.series().get("sockets")).containsExactly(3.0, 5.0);
    // The first sample has nothing to compare with; 4 messages in 10 s are 24 a minute.
    assertThat(columns.series().get("messagesPerMinute")).containsExactly(null, 24.0);
  }

  @Test
  void aMeterNobodyRegisteredIsUnknownNotZero() {
    at(1_000);
    at(1_010);

    assertThat(sampler.history().columns(Sampler.FIGURES).series().get("queueLength"))
        .containsExactly(null, null);
  }

  @Test
  void specialistsAreReadFromTheirTaggedGauges() {
    MultiGauge held = MultiGauge.builder("consultchat.consultations.active").register(registry);
    held.register(
        List.of(
            MultiGauge.Row.of(Tags.of("specialist_id", "1", "specialist", "Dr. Ada"), 2),
            MultiGauge.Row.of(Tags.of("specialist_id", "2", "specialist", "Dr. Bo"), 0)));
    at(1_000);

    assertThat(sampler.specialists()).containsExactly(java.util.Map.entry("Dr. Ada", 2L));
  }

  @Test
  void theRingKeepsTheLastHourOnly() {
    MetricsHistory history = new MetricsHistory(Sampler.CAPACITY);
    for (int i = 0; i < Sampler.CAPACITY + 5; i++) {
      history.add(new Sample(i, java.util.Map.of()));
    }

    List<Long> times = history.columns(List.of()).times();
    assertThat(times).hasSize(360);
    assertThat(times.get(0)).isEqualTo(5L);
  }
}
