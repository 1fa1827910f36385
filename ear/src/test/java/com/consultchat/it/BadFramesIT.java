package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Frames a client should never send, over the socket and over polling: each gets a clear answer (an
 * error frame or a close code), nothing is stored, the socket or server stays usable, and the text
 * never reaches the server log.
 */
class BadFramesIT {

  private static final Path SERVER_LOG =
      Path.of(System.getProperty("it.server.log", "target/wildfly-it/log/server.log"));

  private TakenConsultation consultation;

  @BeforeEach
  void aTakenConsultation() {
    consultation = TakenConsultation.create("Bad frames");
  }

  @Test
  void aTextFrameOverTheLimitClosesTheSocketWith1009AndStoresNothing() {
    try (SocketClient patient = SocketClient.open(consultation.patient())) {
      String huge = "x".repeat(2 * 1024 * 1024);
      patient.sendFrame(
          "{\"type\":\"send\",\"conversation\":"
              + consultation.conversation()
              + ",\"clientId\":\""
              + UUID.randomUUID()
              + "\",\"body\":\""
              + huge
              + "\"}");

      assertThat(patient.awaitClose()).isEqualTo(1009);
    }
    assertThat(Database.messagesIn(consultation.conversation())).isZero();
    stillServes();
  }

  @Test
  void aBinaryFrameClosesTheSocketWith1003() {
    try (SocketClient patient = SocketClient.open(consultation.patient())) {
      patient.sendBinary(new byte[] {1, 2, 3});

      assertThat(patient.awaitClose()).isEqualTo(1003);
      assertThat(patient.closeReason()).contains("Text frames only");
    }
  }

  @Test
  void fieldsOfTheWrongTypeAreRefusedAsMalformedNotGuessed() {
    try (SocketClient patient = SocketClient.open(consultation.patient())) {
      long conversation = consultation.conversation();
      patient.sendFrame(
          "{\"type\":\"send\",\"conversation\":"
              + conversation
              + ".5,\"clientId\":\""
              + UUID.randomUUID()
              + "\",\"body\":\"Half a conversation\"}");
      assertThat(patient.next("error").getString("code")).isEqualTo("malformed");

      patient.sendFrame(
          "{\"type\":\"send\",\"conversation\":"
              + conversation
              + ",\"clientId\":\""
              + UUID.randomUUID()
              + "\",\"body\":12345}");
      assertThat(patient.next("error").getString("code")).isEqualTo("malformed");

      String good = patient.send(conversation, "Typed properly");
      assertThat(patient.next("ack").getString("clientId")).isEqualTo(good);
    }
    assertThat(Database.bodiesInOrder(consultation.conversation()))
        .containsExactly("Typed properly");
  }

  @Test
  void textThatCannotBeStoredAsTypedIsRefusedWithAReasonAndNeverLogged() throws IOException {
    String marker = "nul-marker-" + UUID.randomUUID();
    long conversation = consultation.conversation();
    try (SocketClient patient = SocketClient.open(consultation.patient())) {
      String nul = UUID.randomUUID().toString();
      patient.sendFrame(sendJson(conversation, nul, marker + " before\\u0000after"));
      JsonObject refused = patient.next("error");
      assertThat(refused.getString("code")).isEqualTo("invalid");
      assertThat(refused.getString("clientId")).isEqualTo(nul);
      assertThat(refused.getString("message")).contains("NUL");

      String half = UUID.randomUUID().toString();
      patient.sendFrame(sendJson(conversation, half, marker + " broken \\ud83d here"));
      JsonObject broken = patient.next("error");
      assertThat(broken.getString("code")).isEqualTo("invalid");
      assertThat(broken.getString("message")).contains("surrogate");
    }

    HttpResponse<String> polled =
        consultation
            .patient()
            .postFrames(
                "["
                    + sendJson(conversation, UUID.randomUUID().toString(), marker + "\\u0000")
                    + "]",
                TestServer.ORIGIN);
    assertThat(polled.statusCode()).isEqualTo(200);
    JsonObject answer = SocketClient.frames(polled).getJsonObject(0);
    assertThat(answer.getString("code")).isEqualTo("invalid");

    assertThat(Database.messagesIn(conversation)).isZero();
    assertThat(Files.readString(SERVER_LOG, StandardCharsets.UTF_8)).doesNotContain(marker);
  }

  @Test
  void onePersonsSocketsBeyondTheCapAreRefusedAndTheOpenOnesKeepWorking() {
    WebClient patient = consultation.patient();
    List<SocketClient> open = new ArrayList<>();
    try {
      for (int i = 0; i < 10; i++) {
        open.add(SocketClient.open(patient));
      }
      HttpResponse<String> page = patient.get(consultation.chatPath());
      assertThat(page.statusCode()).isEqualTo(200);
      try (SocketClient eleventh = SocketClient.openUnready(patient)) {
        assertThat(eleventh.awaitClose()).isEqualTo(1013);
        assertThat(eleventh.closeReason()).isEqualTo("retry-after=60");
      }
      SocketClient first = open.get(0);
      String id = first.send(consultation.conversation(), "Still connected");
      assertThat(first.next("ack").getString("clientId")).isEqualTo(id);

      open.remove(0).close();
      Await.until(
          "a place freed by a closed socket",
          Duration.ofSeconds(10),
          () -> {
            try (SocketClient again = SocketClient.openUnready(patient)) {
              return again.nextUnlessClosed("ready") != null;
            }
          });
    } finally {
      open.forEach(SocketClient::close);
    }
  }

  private static String sendJson(long conversation, String clientId, String escapedBody) {
    return "{\"type\":\"send\",\"conversation\":"
        + conversation
        + ",\"clientId\":\""
        + clientId
        + "\",\"body\":\""
        + escapedBody
        + "\"}";
  }

  private void stillServes() {
    try (SocketClient staff = SocketClient.open(consultation.staff())) {
      staff.send(consultation.conversation(), "After the flood");
      assertThat(staff.next("ack").getBoolean("resend")).isFalse();
    }
  }
}
