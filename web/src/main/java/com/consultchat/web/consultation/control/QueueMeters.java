package com.consultchat.web.consultation.control;

import com.consultchat.consultation.boundary.ConsultationQueue;
import com.consultchat.consultation.boundary.QueueStats;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The queue's gauges in the server's Micrometer registry: requests waiting, the longest wait, and
 * open consultations per specialist. They come from the database, so one reading serves every gauge
 * for a few seconds however often they are scraped; a failed reading keeps the last one.
 */
@ApplicationScoped
public class QueueMeters {

  public static final String WAITING = "consultchat.queue.length";
  public static final String LONGEST_WAIT = "consultchat.queue.longest.wait";
  public static final String ACTIVE = "consultchat.consultations.active";

  static final Duration FRESH = Duration.ofSeconds(5);

  private static final System.Logger LOG = System.getLogger(QueueMeters.class.getName());

  @Inject Instance<MeterRegistry> registries;
  @Inject ConsultationQueue queue;
  @Inject Clock clock;

  private QueueStats last = new QueueStats(0, Optional.empty(), List.of());
  private long readAt = Long.MIN_VALUE;
  private MultiGauge perSpecialist;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (registries.isUnsatisfied()) {
      return;
    }
    MeterRegistry registry = registries.get();
    Gauge.builder(WAITING, this, m -> m.stats().waiting())
        .description("Consultation requests nobody has taken yet")
        .register(registry);
    Gauge.builder(LONGEST_WAIT, this, QueueMeters::longestWaitSeconds)
        .description("How long the oldest waiting request has waited")
        .baseUnit("seconds")
        .register(registry);
    perSpecialist =
        MultiGauge.builder(ACTIVE)
            .description("Open consultations per specialist")
            .register(registry);
  }

  double longestWaitSeconds() {
    return stats()
        .oldestWaitingSince()
        .map(since -> (double) Duration.between(since, clock.instant()).toSeconds())
        .orElse(0.0);
  }

  synchronized QueueStats stats() {
    long now = clock.millis();
    if (now - readAt < FRESH.toMillis()) {
      return last;
    }
    readAt = now;
    try {
      last = queue.stats();
      if (perSpecialist != null) {
        perSpecialist.register(
            last.held().stream()
                .map(
                    held ->
                        MultiGauge.Row.of(
                            Tags.of(
                                "specialist_id",
                                Long.toString(held.staffId()),
                                "specialist",
                                held.staffName()),
                            held.open()))
                .toList(),
            true);
      }
    } catch (RuntimeException unavailable) {
      // The database is away; readiness says so, and the gauges keep their last values meanwhile.
      LOG.log(System.Logger.Level.DEBUG, "Queue gauges not refreshed: {0}", unavailable.getClass());
    }
    return last;
  }
}
