package com.consultchat.web.platform.control;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Takes this deployment's meters out of the server's Micrometer registry when the deployment stops
 * (undeploy, redeploy, server reload). WildFly keeps every deployment's meters in one registry for
 * the whole server and does not remove them itself: a gauge left there holds a function of ours,
 * and with it our class loader, and the next deployment asking for the same gauge gets the stale
 * one back. The registry handed to us sees only our meters, so clearing it clears exactly them.
 */
@ApplicationScoped
public class DeploymentMeters {

  @Inject Instance<MeterRegistry> registries;

  /** Observed so that the bean exists from the start and is destroyed with the application. */
  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    // The features register their own meters; this bean only removes them at the end.
  }

  @PreDestroy
  void removeOurMeters() {
    if (registries.isResolvable()) {
      registries.get().clear();
    }
  }
}
