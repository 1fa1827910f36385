package com.consultchat.web.messaging.boundary;

import com.consultchat.web.messaging.control.Presences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What other features' pages may ask of presence, which messaging keeps: whether a person has the
 * app open. The sockets that watch presence and what they are told stay messaging's own.
 */
@ApplicationScoped
public class Presence {

  @Inject Presences presences;

  /** Whether the person has the app open (online or away) on this node. */
  public boolean isHere(long account) {
    return presences.isHere(account);
  }
}
