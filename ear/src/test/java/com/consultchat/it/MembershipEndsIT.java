package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Someone handed out of a consultation stops learning anything of it at once: presence on the
 * socket that followed it, and typing through a poll token taken while they were a member.
 */
class MembershipEndsIT {

  @Test
  void aSpecialistHandedOutOfAConsultationStopsGettingThePatientsPresence()
      throws InterruptedException {
    TakenConsultation consultation = TakenConsultation.create("Presence after hand-over");
    WebClient first = consultation.staff();
    try (SocketClient staff = SocketClient.open(first)) {
      staff.sendFrame(presence(consultation));
      staff.next("presence");
      try (SocketClient patient = SocketClient.open(consultation.patient())) {
        assertThat(staff.next("presence").toString()).contains("online");
      }
      assertThat(staff.next("presence").toString()).contains("offline");

      handOver(consultation);

      try (SocketClient patient = SocketClient.open(consultation.patient())) {
        patient.sendFrame(Map.of("type", "ping"));
        patient.next("pong");
        assertThat(staff.quietFor("presence", Duration.ofSeconds(1))).isTrue();
      }
      assertThat(staff.quietFor("presence", Duration.ofMillis(500))).isTrue();
    }
  }

  @Test
  void aPollTokenTakenAsAMemberTellsNothingAfterTheHandOver() {
    TakenConsultation consultation = TakenConsultation.create("Typing after hand-over");
    WebClient first = consultation.staff();
    String path = "/api/conversations/" + consultation.conversation() + "/frames";
    HttpResponse<String> asMember = first.get(path);
    assertThat(asMember.statusCode()).isEqualTo(200);
    String token = asMember.headers().firstValue("Poll-Version").orElseThrow();

    handOver(consultation);
    try (SocketClient patient = SocketClient.open(consultation.patient())) {
      patient.sendFrame(Map.of("type", "typing", "conversation", consultation.conversation()));
      patient.sendFrame(Map.of("type", "ping"));
      patient.next("pong");

      AtomicReference<HttpResponse<String>> polled = new AtomicReference<>();
      // Polls closer than the floor (2 s) are told to wait; ask until one is answered.
      Await.until(
          "a poll answered after the hand-over",
          Duration.ofSeconds(10),
          () -> {
            polled.set(first.get(path + "?after=0&v=" + token));
            return polled.get().statusCode() != 429;
          });
      String body = polled.get().body();
      assertThat(body).doesNotContain("\"typing\"").doesNotContain(first.username);
      assertThat(body).doesNotContain("Patient " + consultation.patient().username);
      JsonObject answer = SocketClient.frames(polled.get()).getJsonObject(0);
      assertThat(answer.getString("type")).isEqualTo("error");
      assertThat(polled.get().headers().firstValue("Poll-Version")).isEmpty();
    }
  }

  private static void handOver(TakenConsultation consultation) {
    WebClient second = WebClient.newStaff();
    consultation
        .staff()
        .submit(
            consultation.chatPath(),
            "transfer",
            Map.of("target", consultation.transferOption(second), "note", "Over to you."),
            "submit");
    assertThat(Database.status(consultation.id())).isEqualTo("TRANSFERRED");
  }

  private static Map<String, Object> presence(TakenConsultation consultation) {
    return Map.of(
        "type", "presence", "conversation", consultation.conversation(), "state", "online");
  }
}
