package com.consultchat.web.consultation.control;

import com.consultchat.consultation.boundary.ConsultationQueue;
import com.consultchat.consultation.boundary.QueueStats;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The queue's gauges in the server's Micrometer registry: requests waiting, the longest wait, and
 * open consultations per specialist. They come from the database, so one reading serves every gauge
 * for a few seconds however often they are scraped; a failed reading keeps the last one.
 */
@ApplicationScoped
public class QueueMeters {

  public static final String WAITING = "consultchat.queue.length";
  public static final String LONGEST_WAIT = "consultchat.queue.longest.wait.seconds";
  public static final String ACTIVE = "consultchat.consultations.active";

  static final Duration FRESH = Duration.ofSeconds(5);

  private static final System.Logger LOG = System.getLogger(QueueMeters.class.getName());

  @Inject Instance<MeterRegistry> registries;
  @Inject ConsultationQueue queue;
  @Inject Clock clock;

  private QueueStats last = new QueueStats(0, Optional.empty(), List.of());
  // Due at once, whatever the clock says: the first use reads the database.
  private long readAt = -FRESH.toMillis();
  private final Map<Long, AtomicLong> held = new HashMap<>();
  private volatile MeterRegistry registry;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (registries.isUnsatisfied()) {
      return;
    }
    // The registry's own methods, not the meter builders: WildFly hands the application a registry
    // that forwards these (tagged with the deployment) to the server's; builders would not.
    registry = registries.get();
    registry.gauge(WAITING, Tags.empty(), this, m -> m.stats().waiting());
    registry.gauge(LONGEST_WAIT, Tags.empty(), this, QueueMeters::longestWaitSeconds);
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
      if (registry != null) {
        // A specialist who holds none now reads 0 rather than vanishing from the series.
        held.values().forEach(open -> open.set(0));
        last.held()
            .forEach(
                h ->
                    held.computeIfAbsent(
                            h.staffId(),
                            id ->
                                registry.gauge(
                                    ACTIVE,
                                    Tags.of(
                                        "specialist_id", Long.toString(id),
                                        "specialist", h.staffName()),
                                    new AtomicLong()))
                        .set(h.open()));
      }
    } catch (RuntimeException unavailable) {
      // The database is away; readiness says so, and the gauges keep their last values meanwhile.
      LOG.log(System.Logger.Level.DEBUG, "Queue gauges not refreshed: {0}", unavailable.getClass());
    }
    return last;
  }
}
