package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChatSocketIT {

  private WebClient patient;
  private WebClient staff;
  private long conversation;

  @BeforeEach
  void aTakenConsultation() {
    TakenConsultation consultation = TakenConsultation.create("Swollen ankle after a fall");
    patient = consultation.patient();
    staff = consultation.staff();
    conversation = consultation.conversation();
  }

  @Test
  void aMessageIsAckedWithItsSequenceNumberAndDeliveredToTheOtherParticipant() {
    try (SocketClient patientSocket = SocketClient.open(patient);
        SocketClient staffSocket = SocketClient.open(staff)) {
      String clientId = patientSocket.send(conversation, "It hurts when I walk");

      JsonObject ack = patientSocket.next("ack");
      JsonObject received = staffSocket.next("message").getJsonObject("message");

      assertThat(ack.getString("clientId")).isEqualTo(clientId);
      assertThat(ack.getJsonNumber("seq").longValue()).isEqualTo(1);
      assertThat(ack.getBoolean("resend")).isFalse();
      assertThat(received.getString("body")).isEqualTo("It hurts when I walk");
      assertThat(received.getJsonNumber("seq").longValue()).isEqualTo(1);
      assertThat(received.getString("senderName")).isEqualTo("Patient " + patient.username);
      assertThat(received.getString("clientId")).isEqualTo(clientId);

      staffSocket.send(conversation, "Can you put weight on it?");
      assertThat(staffSocket.next("ack").getJsonNumber("seq").longValue()).isEqualTo(2);
      assertThat(patientSocket.next("message").getJsonObject("message").getString("body"))
          .isEqualTo("Can you put weight on it?");
    }
  }

  @Test
  void historyReturnsEveryMessageInOrderAfterTheAskedSequenceNumber() {
    try (SocketClient socket = SocketClient.open(patient)) {
      for (int i = 1; i <= 5; i++) {
        socket.send(conversation, "message " + i);
        socket.next("ack");
      }

      socket.sync(conversation, 0);
      JsonObject all = socket.next("history");
      socket.sync(conversation, 3);
      JsonObject tail = socket.next("history");

      assertThat(all.getJsonArray("messages").getValuesAs(JsonObject.class))
          .extracting(m -> m.getString("body"))
          .containsExactly("message 1", "message 2", "message 3", "message 4", "message 5");
      assertThat(all.getBoolean("complete")).isTrue();
      assertThat(tail.getJsonArray("messages").getValuesAs(JsonObject.class))
          .extracting(m -> m.getJsonNumber("seq").longValue())
          .containsExactly(4L, 5L);
    }
  }

  @Test
  void aResendWithTheSameClientIdReturnsTheOriginalAndStoresNoCopy() {
    try (SocketClient socket = SocketClient.open(patient);
        SocketClient staffSocket = SocketClient.open(staff)) {
      String clientId = UUID.randomUUID().toString();
      socket.send(conversation, clientId, "Only once please");
      JsonObject first = socket.next("ack");
      staffSocket.next("message");

      socket.send(conversation, clientId, "Only once please");
      JsonObject second = socket.next("ack");

      assertThat(second.getJsonNumber("seq")).isEqualTo(first.getJsonNumber("seq"));
      assertThat(second.getBoolean("resend")).isTrue();
      assertThat(Database.messagesIn(conversation)).isEqualTo(1);
      assertThat(staffSocket.frames).noneMatch(f -> "message".equals(f.getString("type")));
    }
  }

  @Test
  void theSameClientIdWithADifferentBodyIsRefusedAndTheOriginalStays() {
    try (SocketClient socket = SocketClient.open(patient)) {
      String clientId = UUID.randomUUID().toString();
      socket.send(conversation, clientId, "original");
      socket.next("ack");

      socket.send(conversation, clientId, "changed");
      JsonObject error = socket.next("error");

      assertThat(error.getString("code")).isEqualTo("conflict");
      assertThat(error.getString("clientId")).isEqualTo(clientId);
      assertThat(
              Database.count(
                  "select count(*) from message where conversation_id = ? and body = 'original'",
                  conversation))
          .isEqualTo(1);
      assertThat(Database.messagesIn(conversation)).isEqualTo(1);
    }
  }

  @Test
  void emptyAndOverlongMessagesGetAnErrorFrameAndStoreNothing() {
    try (SocketClient socket = SocketClient.open(patient)) {
      socket.send(conversation, "   ");
      JsonObject empty = socket.next("error");
      socket.send(conversation, "x".repeat(4001));
      JsonObject tooLong = socket.next("error");

      assertThat(empty.getString("code")).isEqualTo("invalid");
      assertThat(empty.getString("message")).isEqualTo("A message cannot be empty.");
      assertThat(tooLong.getString("message")).contains("at most 4000 characters");
      assertThat(Database.messagesIn(conversation)).isZero();

      socket.send(conversation, "x".repeat(4000));
      assertThat(socket.next("ack").getJsonNumber("seq").longValue()).isEqualTo(1);
    }
  }

  @Test
  void aMalformedFrameGetsAnErrorAndTheSocketStaysUsable() {
    try (SocketClient socket = SocketClient.open(patient)) {
      socket.sendFrame("{not json");
      assertThat(socket.next("error").getString("code")).isEqualTo("malformed");
      socket.sendFrame("[1,2,3]");
      assertThat(socket.next("error").getString("code")).isEqualTo("malformed");
      socket.sendFrame("{\"type\":\"send\",\"conversation\":\"seven\"}");
      assertThat(socket.next("error").getString("code")).isEqualTo("malformed");
      socket.sendFrame(Map.of("type", "dance"));
      assertThat(socket.next("error").getString("code")).isEqualTo("unknown-type");
      socket.sendFrame(
          Map.of("type", "send", "conversation", conversation, "clientId", "x", "body", "hi"));
      assertThat(socket.next("error").getString("message")).contains("UUID");
      socket.sendFrame(
          Map.of("type", "send", "clientId", UUID.randomUUID().toString(), "body", "hi"));
      assertThat(socket.next("error").getString("message")).contains("names no conversation");

      socket.send(conversation, "still here");
      assertThat(socket.next("ack").getJsonNumber("seq").longValue()).isEqualTo(1);
    }
  }

  @Test
  void aPatientCanNeitherWriteToNorReadAnotherPatientsConversation() throws Exception {
    WebClient intruder = WebClient.newPatient();
    try (SocketClient socket = SocketClient.open(intruder);
        SocketClient victim = SocketClient.open(patient)) {
      socket.send(conversation, "let me in");
      JsonObject writeRefused = socket.next("error");
      socket.sync(conversation, 0);
      JsonObject readRefused = socket.next("error");

      assertThat(writeRefused.getString("code")).isEqualTo("forbidden");
      assertThat(readRefused.getString("code")).isEqualTo("forbidden");
      assertThat(Database.messagesIn(conversation)).isZero();
      assertThat(victim.quietFor("message", Duration.ofMillis(500))).isTrue();
    }
  }

  @Test
  void aHandshakeWithoutLoginIsRefused() {
    WebClient anonymous = new WebClient("anonymous");

    assertThatThrownBy(() -> SocketClient.open(anonymous))
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(WebSocketHandshakeException.class);
  }

  @Test
  void aHandshakeFromAForeignOriginIsRefused() {
    assertThatThrownBy(() -> SocketClient.open(patient, "https://evil.example"))
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(WebSocketHandshakeException.class)
        .satisfies(
            e ->
                assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode())
                    .isEqualTo(403));
  }

  @Test
  void loggingOutClosesThePersonsSocketsWithPolicyViolation() {
    SocketClient socket = SocketClient.open(patient);

    patient.logout();

    assertThat(socket.awaitClose()).isEqualTo(1008);
  }
}
