package com.consultchat.web.consultation.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.consultchat.consultation.boundary.ConsultationQueue;
import com.consultchat.consultation.boundary.QueueStats;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueueMetersTest {

  private int readings;

  private QueueMeters meters(Clock clock) {
    QueueMeters meters = new QueueMeters();
    meters.clock = clock;
    meters.queue =
        new ConsultationQueue() {
          @Override
          public QueueStats stats() {
            readings++;
            return new QueueStats(readings, Optional.empty(), List.of());
          }
        };
    return meters;
  }

  @Test
  void theFirstUseReadsTheQueueWhateverTheClockSays() {
    for (Instant at : List.of(Instant.EPOCH, Instant.parse("2026-11-30T07:00:00Z"))) {
      readings = 0;
      QueueMeters meters = meters(Clock.fixed(at, ZoneOffset.UTC));

      assertThat(meters.stats().waiting()).isEqualTo(1);
    }
  }

  @Test
  void aReadingServesForAFewSecondsThenTheQueueIsReadAgain() {
    Instant start = Instant.parse("2026-11-30T07:00:00Z");
    QueueMeters meters = meters(Clock.fixed(start, ZoneOffset.UTC));
    meters.stats();
    meters.stats();
    assertThat(readings).isEqualTo(1);

    meters.clock = Clock.fixed(start.plus(QueueMeters.FRESH), ZoneOffset.UTC);
    assertThat(meters.stats().waiting()).isEqualTo(2);
  }
}
