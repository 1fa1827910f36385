package com.consultchat.consultation.entity;

import com.consultchat.platform.boundary.Refused;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;

/**
 * When a consultation is scheduled, and whether the patient may write outside that window. It
 * limits writing only: the patient always reads. No window means no limit.
 */
@Embeddable
public class Appointment {

  /** Long enough for any sitting; a longer one is almost certainly a typing mistake. */
  static final Duration LONGEST = Duration.ofHours(12);

  @Column(name = "window_start")
  private Instant start;

  @Column(name = "window_end")
  private Instant end;

  @Column(name = "patient_may_reply")
  private boolean patientMayReply;

  protected Appointment() {}

  private Appointment(Instant start, Instant end, boolean patientMayReply) {
    this.start = start;
    this.end = end;
    this.patientMayReply = patientMayReply;
  }

  static Appointment none() {
    return new Appointment();
  }

  /** This appointment moved to a window (both ends given) or lifted (both null). */
  Appointment scheduled(Instant start, Instant end, Instant now) {
    if ((start == null) != (end == null)) {
      throw Refused.invalid("appointment.incomplete");
    }
    if (start != null) {
      if (!start.isBefore(end)) {
        throw Refused.invalid("appointment.ends-before-start");
      }
      if (Duration.between(start, end).compareTo(LONGEST) > 0) {
        throw Refused.invalid("appointment.too-long");
      }
      if (!end.isAfter(now)) {
        throw Refused.invalid("appointment.past");
      }
    }
    return new Appointment(start, end, patientMayReply);
  }

  Appointment withPatientReplies(boolean allowed) {
    return new Appointment(start, end, allowed);
  }

  /** When the patient may write, or null for whenever; the message path enforces it. */
  public Instant patientWritesFrom() {
    return start == null || patientMayReply ? null : start;
  }

  public Instant patientWritesUntil() {
    return start == null || patientMayReply ? null : end;
  }

  public Instant start() {
    return start;
  }

  public Instant end() {
    return end;
  }

  public boolean patientMayReply() {
    return patientMayReply;
  }
}
