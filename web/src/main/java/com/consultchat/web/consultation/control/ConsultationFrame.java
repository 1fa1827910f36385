package com.consultchat.web.consultation.control;

import com.consultchat.consultation.boundary.ConsultationSummary;
import com.consultchat.web.messaging.boundary.Frame;

/** A consultation's state changed; its participants' screens show the new state. */
public record ConsultationFrame(String type, ConsultationSummary consultation) implements Frame {

  public ConsultationFrame(ConsultationSummary consultation) {
    this("consultation", consultation);
  }
}
