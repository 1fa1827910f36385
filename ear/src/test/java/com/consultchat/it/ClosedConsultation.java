package com.consultchat.it;

import java.util.Map;

/**
 * A consultation that ran its course: two messages each way in Cyrillic and Latin, closed with a
 * summary. The starting point of the transcript tests.
 */
record ClosedConsultation(TakenConsultation taken, String subject) {

  static final String PATIENT_MESSAGE = "Здравствуйте, у меня болит горло уже три дня.";
  static final String STAFF_MESSAGE = "Any fever? Please measure it tonight.";
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
    }
    taken.staff().submit(taken.chatPath(), "close", Map.of("summary", SUMMARY), "submit");
    if (!"CLOSED".equals(Database.status(taken.id()))) {
      throw new IllegalStateException("Consultation " + taken.id() + " did not close");
    }
    return new ClosedConsultation(taken, subject);
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
