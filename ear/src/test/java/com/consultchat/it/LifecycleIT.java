package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A consultation's life: handed over, accepted, closed with a summary, followed up. */
class LifecycleIT {

  @Test
  void aConsultationIsHandedOverAcceptedAndClosedWithASummaryThenReadOnly() {
    TakenConsultation consultation = TakenConsultation.create("Persistent cough");
    WebClient first = consultation.staff();
    WebClient second = WebClient.newStaff();

    first.submit(
        consultation.chatPath(),
        "transfer",
        Map.of("target", consultation.transferOption(second), "note", "Chest X-ray ordered."),
        "submit");

    assertThat(Database.status(consultation.id())).isEqualTo("TRANSFERRED");
    assertThat(second.get("/staff/queue.xhtml").body()).contains("Persistent cough", "Handed over");
    assertThat(second.get(consultation.chatPath()).body()).contains("Chest X-ray ordered.");
    assertThat(consultation.patient().get(consultation.chatPath()).body())
        .doesNotContain("Chest X-ray ordered.");
    assertThat(first.get(consultation.chatPath()).statusCode()).isEqualTo(404);

    second.submit(consultation.chatPath(), "accept", Map.of(), "submit");
    assertThat(Database.status(consultation.id())).isEqualTo("ACTIVE");

    second.submit(
        consultation.chatPath(),
        "close",
        Map.of("summary", "Bronchitis. Rest, fluids, come back if fever."),
        "submit");
    assertThat(Database.status(consultation.id())).isEqualTo("CLOSED");
    assertThat(consultation.patient().get(consultation.chatPath()).body())
        .contains("Bronchitis. Rest, fluids, come back if fever.");

    try (SocketClient socket = SocketClient.open(consultation.patient())) {
      socket.send(consultation.conversation(), "One more thing");
      assertThat(socket.next("error").getString("message")).contains("closed");
    }
    assertThat(Database.messagesIn(consultation.conversation())).isZero();
  }

  @Test
  void refusedChangesSayWhyAndChangeNothing() {
    TakenConsultation consultation = TakenConsultation.create("Back pain");
    WebClient second = WebClient.newStaff();

    HttpResponse<String> noSummary =
        consultation
            .staff()
            .submit(consultation.chatPath(), "close", Map.of("summary", " "), "submit");
    HttpResponse<String> noNote =
        consultation
            .staff()
            .submit(
                consultation.chatPath(),
                "transfer",
                Map.of("target", consultation.transferOption(second), "note", ""),
                "submit");
    // The patient's page has no close form; a forged one does nothing.
    consultation
        .patient()
        .submit(consultation.chatPath(), "session", Map.of("close:summary", "forged"), "logout");

    assertThat(noSummary.body()).contains("Please write a summary.");
    assertThat(noNote.body()).contains("Please write a handover note.");
    assertThat(Database.status(consultation.id())).isEqualTo("ACTIVE");
    assertThat(
            Database.count(
                "select count(*) from handover where consultation_id = ?", consultation.id()))
        .isZero();
  }

  @Test
  void aFollowUpWithinTheWindowGoesToTheSameSpecialistAndNotAfterIt() {
    TakenConsultation consultation = TakenConsultation.create("Eczema flare-up");
    consultation
        .staff()
        .submit(consultation.chatPath(), "close", Map.of("summary", "Use the cream."), "submit");

    HttpResponse<String> followUp =
        consultation
            .patient()
            .submit(
                consultation.chatPath(), "followup", Map.of("subject", "It came back"), "submit");

    long next = Long.parseLong(followUp.uri().getQuery().replaceAll(".*id=(\\d+).*", "$1"));
    assertThat(next).isNotEqualTo(consultation.id());
    assertThat(Database.status(next)).isEqualTo("TRANSFERRED");
    assertThat(
            Database.count(
                "select count(*) from consultation n join consultation p on n.follow_up_of = p.id"
                    + " where n.id = ? and n.staff_id = p.staff_id",
                next))
        .isEqualTo(1);
    assertThat(consultation.staff().get("/staff/queue.xhtml").body()).contains("It came back");
    // To the patient it is their follow-up, not a hand-over between staff.
    assertThat(followUp.body())
        .containsPattern("data-status=\"TRANSFERRED\">\\s*Follow-up\\s*<")
        .doesNotContain("Handed over");
    assertThat(consultation.patient().get("/patient/home.xhtml").body())
        .contains("Follow-up")
        .doesNotContain("Handed over");

    Database.execute(
        "update consultation set closed_at = closed_at - interval '15 days' where id = ?",
        consultation.id());
    assertThat(consultation.patient().get(consultation.chatPath()).body())
        .doesNotContain("Ask a follow-up");
  }
}
