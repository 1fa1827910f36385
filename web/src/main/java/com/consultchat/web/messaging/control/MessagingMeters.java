package com.consultchat.web.messaging.control;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * The message path's counters, in the server's Micrometer registry (which operators scrape as
 * Prometheus and the admin console samples): sockets open and people here on this node, messages
 * stored, frames refused (rate limits, busy lanes, refusals of the boundary), frames that failed
 * with a server error, and polls answered before the request stack ({@link QuietPolls}). Without a
 * registry (a server without the subsystem) the counting is a no-op.
 */
@ApplicationScoped
public class MessagingMeters {

  public static final String SOCKETS = "consultchat.sockets.open";
  public static final String PEOPLE = "consultchat.people.online";
  public static final String MESSAGES = "consultchat.messages";
  public static final String REFUSALS = "consultchat.refusals";
  public static final String ERRORS = "consultchat.errors";
  public static final String QUIET_POLLS = "consultchat.polls.quiet";

  @Inject Instance<MeterRegistry> registries;
  @Inject SessionRegistry sockets;
  @Inject Presences presences;

  private volatile Counter messages;
  private volatile Counter refusals;
  private volatile Counter errors;
  private volatile Counter quietPolls;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (registries.isUnsatisfied()) {
      return;
    }
    // The registry's own methods, not the meter builders: WildFly hands the application a registry
    // that forwards these (tagged with the deployment) to the server's, while meters made with a
    // builder would stay in the application's copy, unseen by Prometheus.
    MeterRegistry registry = registries.get();
    registry.gauge(SOCKETS, Tags.empty(), sockets, SessionRegistry::socketCount);
    registry.gauge(PEOPLE, Tags.empty(), presences, Presences::here);
    messages = registry.counter(MESSAGES, Tags.empty());
    refusals = registry.counter(REFUSALS, Tags.empty());
    errors = registry.counter(ERRORS, Tags.empty());
    quietPolls = registry.counter(QUIET_POLLS, Tags.empty());
  }

  void stored() {
    increment(messages);
  }

  void refused() {
    increment(refusals);
  }

  void failed() {
    increment(errors);
  }

  void answeredQuietly() {
    increment(quietPolls);
  }

  private static void increment(Counter counter) {
    if (counter != null) {
      counter.increment();
    }
  }
}
