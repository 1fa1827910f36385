package com.consultchat.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The settings the browser client needs, written into every page by the template. */
@Named
@ApplicationScoped
public class ClientConfig {

  @Inject Settings settings;

  public int getPollIntervalSeconds() {
    return settings.pollIntervalSeconds();
  }

  public boolean isForcePolling() {
    return settings.forcePolling();
  }
}
