package com.consultchat.web.consultation.control;

import com.consultchat.web.messaging.boundary.Frame;

/**
 * For staff: a consultation was flagged urgent ({@code waiting}: still in the queue). For its
 * patient, {@code type} is "emergency": show what to do now. Ids only, never what was written.
 */
public record UrgentFrame(String type, long consultation, long conversation, boolean waiting)
    implements Frame {

  static UrgentFrame forStaff(long consultation, long conversation, boolean waiting) {
    return new UrgentFrame("urgent", consultation, conversation, waiting);
  }

  static UrgentFrame forPatient(long consultation, long conversation) {
    return new UrgentFrame("emergency", consultation, conversation, false);
  }
}
