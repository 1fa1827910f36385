package com.consultchat.consultation.boundary;

import java.util.Locale;

/**
 * Where a consultation is in its life. The boundary reports it and the entity keeps it, so pages
 * can tell the states apart without knowing the entity.
 */
public enum ConsultationStatus {
  /** Waiting in the staff queue. */
  REQUESTED,
  /** Taken by a member of staff. */
  ACTIVE,
  /** Handed to another member of staff, who has not accepted it yet. */
  TRANSFERRED,
  /** Ended with a summary; read-only. */
  CLOSED;

  /** Taken and not closed: its specialist may still change it. */
  public boolean isInProgress() {
    return this == ACTIVE || this == TRANSFERRED;
  }

  /** As a sentence names it: "This consultation is closed." */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
