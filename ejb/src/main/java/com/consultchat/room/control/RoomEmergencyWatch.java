package com.consultchat.room.control;

import com.consultchat.room.boundary.RoomAlerts;
import com.consultchat.safety.boundary.EmergencyWritten;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;

/** Hands a matched message to the rooms' alert, in a transaction of its own. */
@ApplicationScoped
public class RoomEmergencyWatch {

  @Inject RoomAlerts alerts;

  void written(@ObservesAsync EmergencyWritten written) {
    alerts.raise(written);
  }
}
