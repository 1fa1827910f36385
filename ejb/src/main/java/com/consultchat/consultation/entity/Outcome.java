package com.consultchat.consultation.entity;

import com.consultchat.platform.boundary.Refused;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;

/** How a consultation ended: when, and the summary the patient keeps. */
@Embeddable
public class Outcome {

  private String summary;

  @Column(name = "closed_at")
  private Instant closedAt;

  protected Outcome() {}

  Outcome(String summary, Instant closedAt) {
    this.summary = summary;
    this.closedAt = closedAt;
  }

  /** A follow-up is asked within {@code window} of closing, or refused with why. */
  void requireFollowUpWithin(Duration window, Instant now) {
    if (now.isAfter(closedAt.plus(window))) {
      throw Refused.conflict("consultation.followup.too-late", window.toDays());
    }
  }

  String summary() {
    return summary;
  }

  Instant closedAt() {
    return closedAt;
  }
}
