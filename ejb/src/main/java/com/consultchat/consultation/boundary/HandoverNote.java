package com.consultchat.consultation.boundary;

import com.consultchat.consultation.entity.Handover;
import java.io.Serializable;
import java.time.Instant;

/** A hand-over between specialists, as staff see it. */
public record HandoverNote(String from, String to, String note, Instant at)
    implements Serializable {

  static HandoverNote of(Handover handover) {
    return new HandoverNote(
        handover.fromStaff().displayName(),
        handover.toStaff() != null
            ? handover.toStaff().displayName()
            : handover.toSpecialty() != null
                ? "the " + handover.toSpecialty().name() + " queue"
                : "the queue",
        handover.note(),
        handover.createdAt());
  }
}
