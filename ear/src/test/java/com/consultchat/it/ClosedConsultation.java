package com.consultchat.it;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A consultation that ran its course: messages in Cyrillic and Latin, one of them edited and one
 * deleted, closed with a summary. The starting point of the transcript tests.
 */
record ClosedConsultation(TakenConsultation taken, String subject) {

  static final String PATIENT_MESSAGE = "Здравствуйте, у меня болит горло уже три дня.";
  static final String STAFF_MESSAGE = "Any fever? Please measure it tonight.";
  static final String BEFORE_EDIT = "I take 50 mg of ibuprofen";
  static final String AFTER_EDIT = "I take 500 mg of ibuprofen";
  static final String DELETED = "Sorry, wrong chat: see you at lunch";
  static final String SUMMARY = "Viral pharyngitis. Warm drinks, rest; back if fever over 39 °C.";

  static ClosedConsultation create() {
    String subject = WebClient.unique("Sore throat");
    TakenConsultation taken = TakenConsultation.create(subject);
    try (SocketClient patient = SocketClient.open(taken.patient());
        SocketClient staff = SocketClient.open(taken.staff())) {
      patient.send(taken.conversation(), PATIENT_MESSAGE);
      patient.next("ack");
      staff.send(taken.conversation(), STAFF_MESSAGE);
      staff.next("ack");
      patient.send(taken.conversation(), BEFORE_EDIT);
      long edited = patient.next("ack").getJsonNumber("seq").longValue();
      patient.sendFrame(change("edit", taken.conversation(), edited, AFTER_EDIT));
      patient.next("ack");
      staff.send(taken.conversation(), DELETED);
      long deleted = staff.next("ack").getJsonNumber("seq").longValue();
      staff.sendFrame(change("delete", taken.conversation(), deleted, null));
      staff.next("ack");
    }
    taken.staff().submit(taken.chatPath(), "close", Map.of("summary", SUMMARY), "submit");
    if (!"CLOSED".equals(Database.status(taken.id()))) {
      throw new IllegalStateException("Consultation " + taken.id() + " did not close");
    }
    return new ClosedConsultation(taken, subject);
  }

  /** An edit or delete frame for the message numbered {@code ref}. */
  static Map<String, Object> change(String type, long conversation, long ref, String body) {
    Map<String, Object> frame = new HashMap<>();
    frame.put("type", type);
    frame.put("conversation", conversation);
    frame.put("clientId", UUID.randomUUID().toString());
    frame.put("ref", ref);
    if (body != null) {
      frame.put("body", body);
    }
    return frame;
  }

  long id() {
    return taken.id();
  }

  WebClient patient() {
    return taken.patient();
  }

  WebClient staff() {
    return taken.staff();
  }

  String pagePath() {
    return "/consultation/transcript.xhtml?id=" + id();
  }

  String pdfPath() {
    return "/api/transcripts/" + id() + ".pdf";
  }
}
