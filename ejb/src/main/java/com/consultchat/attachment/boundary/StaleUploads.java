package com.consultchat.attachment.boundary;

import com.consultchat.attachment.control.Intake;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/**
 * Deletes uploads a crash or a restart left half-received: an upload that fails deletes itself, but
 * a process that dies cannot. Hourly, for uploads begun more than an hour ago.
 */
@Singleton
public class StaleUploads {

  @Inject Intake intake;

  @Schedule(hour = "*", minute = "23", persistent = false)
  public void sweep() {
    intake.sweep();
  }
}
