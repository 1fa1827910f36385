package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Health data never reaches the server log: text carrying a marker goes through every way a
 * message, a subject or a summary can be refused, over the socket, over polling and through the
 * pages, and the log is searched for the marker afterwards.
 */
class LogHygieneIT {

  private static final Path SERVER_LOG =
      Path.of(System.getProperty("it.server.log", "target/wildfly-it/log/server.log"));

  private final String marker = "health-marker-" + UUID.randomUUID();
  private final List<String> refusals = new ArrayList<>();

  @Test
  void markedTextRefusedOnEveryPathNeverAppearsInTheServerLog() throws IOException {
    TakenConsultation consultation = TakenConsultation.create("Log hygiene");
    TakenConsultation elsewhere = TakenConsultation.create("Someone else's");
    long conversation = consultation.conversation();

    try (SocketClient patient = SocketClient.open(consultation.patient())) {
      patient.send(conversation, UUID.randomUUID().toString(), marker + " " + "x".repeat(5000));
      refused(patient, "too long");
      patient.send(elsewhere.conversation(), UUID.randomUUID().toString(), marker + " not mine");
      refused(patient, "not a member");
      patient.sendKind(conversation, "RECOMMENDATION", marker + " as a recommendation");
      refused(patient, "wrong kind");
      patient.sendFrame(edit(conversation, 999_999, marker + " edit of nothing"));
      refused(patient, "unknown message");
      patient.send(conversation, UUID.randomUUID().toString(), marker + " nul \u0000 here");
      refused(patient, "NUL");

      String original = patient.send(conversation, marker + " stored once");
      patient.next("ack");
      patient.send(conversation, original, marker + " different text, same id");
      refused(patient, "conflicting resend");
    }

    HttpResponse<String> polled =
        consultation
            .patient()
            .postFrames(
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder(
                            Map.of(
                                "type",
                                "send",
                                "conversation",
                                elsewhere.conversation(),
                                "clientId",
                                UUID.randomUUID().toString(),
                                "body",
                                marker + " polled to a stranger")))
                    .build()
                    .toString(),
                TestServer.ORIGIN);
    assertThat(SocketClient.frames(polled).getJsonObject(0).getString("type")).isEqualTo("error");

    HttpResponse<String> ask =
        WebClient.newPatient()
            .submit(
                "/patient/home.xhtml",
                "ask",
                Map.of("subject", marker + " \u0000 subject"),
                "submit");
    assertThat(ask.body()).contains("NUL");
    HttpResponse<String> close =
        consultation
            .staff()
            .submit(
                consultation.chatPath(),
                "close",
                Map.of("summary", marker + " summary \u0000 with NUL"),
                "submit");
    assertThat(close.body()).contains("NUL");
    assertThat(Database.status(consultation.id())).isEqualTo("ACTIVE");

    assertThat(refusals).hasSize(6);
    assertThat(Files.readString(SERVER_LOG, StandardCharsets.UTF_8))
        .as("the server log after %s", refusals)
        .doesNotContain(marker);
  }

  private void refused(SocketClient socket, String what) {
    assertThat(socket.next("error").getString("code")).as(what).isNotBlank();
    refusals.add(what);
  }

  private static Map<String, Object> edit(long conversation, long ref, String body) {
    return Map.of(
        "type",
        "edit",
        "conversation",
        conversation,
        "clientId",
        UUID.randomUUID().toString(),
        "ref",
        ref,
        "body",
        body);
  }
}
