package com.consultchat.messaging.boundary;

import com.consultchat.platform.control.Settings;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;

/**
 * Refuses handshakes from pages of other sites: Undertow would accept any Origin, and a socket
 * carries the session cookie. Anonymous handshakes never get here; the login constraint on /ws/*
 * refuses them.
 */
public class ChatSocketConfigurator extends ServerEndpointConfig.Configurator {

  private volatile List<String> allowedOrigins;

  @Override
  public boolean checkOrigin(String origin) {
    return origin != null && allowedOrigins().contains(origin);
  }

  private List<String> allowedOrigins() {
    if (allowedOrigins == null) {
      allowedOrigins = CDI.current().select(Settings.class).get().allowedOrigins();
    }
    return allowedOrigins;
  }
}
