package com.consultchat.web.messaging.boundary;

import com.consultchat.platform.boundary.Settings;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.server.ServerEndpointConfig;

/**
 * Refuses handshakes from pages of other sites: Undertow would accept any Origin, and a socket
 * carries the session cookie. Anonymous handshakes never get here; the login constraint on /ws/*
 * refuses them.
 */
public class ChatSocketConfigurator extends ServerEndpointConfig.Configurator {

  static boolean allowed(String origin, Settings settings) {
    return origin != null && settings.allowedOrigins().contains(origin);
  }

  @Override
  public boolean checkOrigin(String origin) {
    return allowed(origin, CDI.current().select(Settings.class).get());
  }
}
