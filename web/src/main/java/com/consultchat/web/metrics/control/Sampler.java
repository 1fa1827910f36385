package com.consultchat.web.metrics.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Reads the node's meters every 10 seconds into the last hour's ring. It knows them only by their
 * names in the server's Micrometer registry, where the features that count them put them; counters
 * become rates per minute between two samples.
 */
@ApplicationScoped
public class Sampler {

  public static final int INTERVAL_SECONDS = 10;

  /** An hour of samples. */
  static final int CAPACITY = 3600 / INTERVAL_SECONDS;

  /** The page's name of each gauge, and the meter it reads. */
  static final Map<String, String> GAUGES =
      Map.of(
          "sockets", "consultchat.sockets.open",
          "online", "consultchat.people.online",
          "queueLength", "consultchat.queue.length",
          "longestWaitSeconds", "consultchat.queue.longest.wait.seconds");

  /** The page's name of each rate, and the counter it comes from. */
  static final Map<String, String> RATES =
      Map.of(
          "messagesPerMinute", "consultchat.messages",
          "errorsPerMinute", "consultchat.errors",
          "refusalsPerMinute", "consultchat.refusals");

  public static final List<String> FIGURES =
      List.of(
          "sockets",
          "online",
          "messagesPerMinute",
          "queueLength",
          "longestWaitSeconds",
          "errorsPerMinute",
          "refusalsPerMinute");

  static final String PER_SPECIALIST = "consultchat.consultations.active";

  private static final System.Logger LOG = System.getLogger(Sampler.class.getName());

  @Inject Instance<MeterRegistry> registries;
  @Inject Clock clock;
  @Resource ManagedThreadFactory threads;

  private final MetricsHistory history = new MetricsHistory(CAPACITY);
  private final Map<String, Double> lastCounts = new HashMap<>();
  private long lastMillis;
  private volatile Map<String, Long> specialists = Map.of();
  private ScheduledThreadPoolExecutor scheduler;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (registries.isUnsatisfied()) {
      return;
    }
    scheduler = new ScheduledThreadPoolExecutor(1, threads);
    scheduler.scheduleWithFixedDelay(this::sampleQuietly, 0, INTERVAL_SECONDS, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }

  public MetricsHistory history() {
    return history;
  }

  /** Open consultations per specialist at the last sample, by name. */
  public Map<String, Long> specialists() {
    return specialists;
  }

  private void sampleQuietly() {
    try {
      sample(registries.get());
    } catch (RuntimeException failure) {
      LOG.log(System.Logger.Level.WARNING, "Metrics sample failed; the next one follows", failure);
    }
  }

  synchronized void sample(MeterRegistry registry) {
    long now = clock.millis();
    Map<String, Double> figures = new HashMap<>();
    GAUGES.forEach((figure, meter) -> figures.put(figure, gauge(registry, meter)));
    double minutes = (now - lastMillis) / 60_000.0;
    RATES.forEach(
        (figure, meter) -> {
          Counter counter = registry.find(meter).counter();
          Double count = counter == null ? null : counter.count();
          Double before = lastCounts.get(meter);
          figures.put(
              figure,
              count == null || before == null || minutes <= 0
                  ? null
                  : Math.round(Math.max(0, count - before) / minutes * 10) / 10.0);
          lastCounts.put(meter, count);
        });
    lastMillis = now;
    history.add(new Sample(now / 1000, figures));
    specialists = perSpecialist(registry.find(PER_SPECIALIST));
  }

  private static Double gauge(MeterRegistry registry, String name) {
    Gauge gauge = registry.find(name).gauge();
    if (gauge == null) {
      return null;
    }
    double value = gauge.value();
    return Double.isNaN(value) ? null : value;
  }

  private static Map<String, Long> perSpecialist(Search search) {
    Map<String, Long> byName = new LinkedHashMap<>();
    search.gauges().stream()
        .sorted(Comparator.comparing((Gauge g) -> String.valueOf(g.getId().getTag("specialist"))))
        .forEach(
            g -> {
              double value = g.value();
              if (!Double.isNaN(value) && value > 0) {
                byName.merge(
                    String.valueOf(g.getId().getTag("specialist")), (long) value, Long::sum);
              }
            });
    return byName;
  }
}
