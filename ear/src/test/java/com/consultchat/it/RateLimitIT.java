package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A person who sends faster than the clinic allows, over the socket, over polling and through
 * pages: what is over the allowance is refused as {@code rate-limited} with the wait, nothing of it
 * is stored, and the same frames are taken once, in order, after the wait.
 */
class RateLimitIT {

  /** One message every two seconds, so a refusal names a wait of about two seconds. */
  private static final int MESSAGES_PER_MINUTE = 30;

  private static final int ACTIONS_PER_MINUTE = 3;

  @BeforeEach
  void lowAllowances() {
    Management.systemProperty(
        "consultchat.rate.messages.per.minute", String.valueOf(MESSAGES_PER_MINUTE));
    Management.systemProperty(
        "consultchat.rate.actions.per.minute", String.valueOf(ACTIONS_PER_MINUTE));
  }

  @AfterEach
  void usualAllowances() {
    Management.systemProperty("consultchat.rate.messages.per.minute", null);
    Management.systemProperty("consultchat.rate.actions.per.minute", null);
  }

  @Test
  void overTheSocketWhatIsOverTheAllowanceIsRefusedThenTakenOnceInOrder() {
    TakenConsultation consultation = TakenConsultation.create("Rate limit on the socket");
    long conversation = consultation.conversation();
    int extra = 5;
    List<String> ids = SocketClient.newIds(MESSAGES_PER_MINUTE + extra);
    try (SocketClient patient = SocketClient.open(consultation.patient())) {
      for (int i = 0; i < ids.size(); i++) {
        patient.send(conversation, ids.get(i), "Message " + i);
      }
      List<String> refused = new ArrayList<>();
      int acked = 0;
      int wait = 0;
      while (acked + refused.size() < ids.size()) {
        JsonObject answer = patient.nextAny();
        if ("ack".equals(answer.getString("type"))) {
          acked++;
        } else if ("error".equals(answer.getString("type"))) {
          assertThat(answer.getString("code")).isEqualTo("rate-limited");
          assertThat(answer.getString("message")).contains("wait");
          wait = answer.getInt("retryAfter");
          refused.add(answer.getString("clientId"));
        }
      }
      assertThat(acked).isEqualTo(MESSAGES_PER_MINUTE);
      assertThat(refused).isEqualTo(ids.subList(MESSAGES_PER_MINUTE, ids.size()));
      assertThat(wait).isBetween(1, 3);
      assertThat(Database.messagesIn(conversation)).isEqualTo(MESSAGES_PER_MINUTE);

      // The client sends the first refused one again until it is taken, as the outbox does.
      String first = refused.get(0);
      Await.until(
          "the refused message to be taken after the wait",
          Duration.ofSeconds(15),
          () -> {
            patient.send(conversation, first, "Message " + MESSAGES_PER_MINUTE);
            JsonObject answer = patient.nextOf("ack", "error");
            return "ack".equals(answer.getString("type"));
          });
    }
    List<String> bodies = Database.bodiesInOrder(conversation);
    assertThat(bodies).hasSize(MESSAGES_PER_MINUTE + 1);
    assertThat(bodies.get(MESSAGES_PER_MINUTE)).isEqualTo("Message " + MESSAGES_PER_MINUTE);
  }

  @Test
  void overPollingTheAllowanceIsTheSameAndTheAnswerNamesTheWait() {
    TakenConsultation consultation = TakenConsultation.create("Rate limit over polling");
    long conversation = consultation.conversation();
    StringBuilder batch = new StringBuilder("[");
    int frames = MESSAGES_PER_MINUTE + 4;
    for (int i = 0; i < frames; i++) {
      batch
          .append(i == 0 ? "" : ",")
          .append("{\"type\":\"send\",\"conversation\":")
          .append(conversation)
          .append(",\"clientId\":\"")
          .append(UUID.randomUUID())
          .append("\",\"body\":\"Polled ")
          .append(i)
          .append("\"}");
    }
    HttpResponse<String> polled =
        consultation.patient().postFrames(batch.append("]").toString(), TestServer.ORIGIN);

    assertThat(polled.statusCode()).isEqualTo(200);
    JsonArray answers = SocketClient.frames(polled);
    assertThat(answers).hasSize(frames);
    for (int i = 0; i < frames; i++) {
      JsonObject answer = answers.getJsonObject(i);
      if (i < MESSAGES_PER_MINUTE) {
        assertThat(answer.getString("type")).as("answer %d", i).isEqualTo("ack");
      } else {
        assertThat(answer.getString("code")).as("answer %d", i).isEqualTo("rate-limited");
        assertThat(answer.getInt("retryAfter")).isPositive();
      }
    }
    assertThat(Database.messagesIn(conversation)).isEqualTo(MESSAGES_PER_MINUTE);
  }

  @Test
  void askingAndJoiningBeyondTheAllowanceAreRefusedOnThePageAndChangeNothing() {
    WebClient patient = WebClient.newPatient();
    for (int i = 0; i < ACTIONS_PER_MINUTE; i++) {
      patient.requestConsultation("Allowed question " + i);
    }
    HttpResponse<String> refused =
        patient.submit(
            "/patient/home.xhtml", "ask", Map.of("subject", "One question too many"), "submit");

    assertThat(refused.body()).contains("You are sending faster than this service allows");
    assertThat(
            Database.count(
                "select count(*) from consultation c join account a on a.id = c.patient_id"
                    + " where a.username = ?",
                patient.username))
        .isEqualTo(ACTIONS_PER_MINUTE);

    WebClient staff = WebClient.newStaff();
    long room = Rooms.create(staff, WebClient.unique("Busy room"), true, false);
    HttpResponse<String> join = Rooms.join(patient, room, "Quick joiner");
    assertThat(join.body()).contains("You are sending faster than this service allows");
    assertThat(
            Database.count(
                "select count(*) from focus_group_member m join account a on a.id = m.account_id"
                    + " where a.username = ? and m.focus_group_id = ?",
                patient.username,
                room))
        .isZero();
  }
}
