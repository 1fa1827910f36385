package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The server sheds load instead of drowning: a flooding socket is refused and then closed, a
 * database stall is ridden out in order while pages keep answering, and a poller over its bound is
 * told to come back. Each test prints its figures.
 */
class LoadSheddingIT {

  private TakenConsultation consultation;
  private long conversation;

  @BeforeEach
  void aTakenConsultation() {
    consultation = TakenConsultation.create("Dosage question after surgery");
    conversation = consultation.conversation();
  }

  @Test
  void aSocketFloodingTenThousandSendsIsRefusedThenClosedAndTheServerStaysHealthy() {
    SocketClient flooder = SocketClient.open(consultation.patient());
    int sent = 0;
    long started = System.nanoTime();
    for (int i = 0; i < 10_000; i++) {
      if (!flooder.trySend(conversation, UUID.randomUUID().toString(), "flood " + i)) {
        break;
      }
      sent++;
    }
    int code = flooder.awaitClose();

    Map<String, Long> acked = new HashMap<>();
    List<JsonObject> busy = new ArrayList<>();
    for (JsonObject frame : flooder.frames) {
      if ("ack".equals(frame.getString("type"))) {
        acked.put(frame.getString("clientId"), frame.getJsonNumber("seq").longValue());
      } else if ("error".equals(frame.getString("type"))) {
        busy.add(frame);
      }
    }
    System.out.printf(
        "Flood: %d frames sent before the close, %d acked, %d busy, closed %d '%s' after %d ms%n",
        sent,
        acked.size(),
        busy.size(),
        code,
        flooder.closeReason(),
        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));

    assertThat(code).isEqualTo(1013);
    assertThat(flooder.closeReason()).isEqualTo("retry-after=10");
    assertThat(busy)
        .isNotEmpty()
        .allSatisfy(
            frame -> {
              assertThat(frame.getString("code")).isEqualTo("busy");
              assertThat(frame.getInt("retryAfter")).isPositive();
            });
    // Refused frames are never stored; what the lane took (64 at a time, committed in batches as it
    // drains, so the total depends on timing) is all that can be.
    for (JsonObject refused : busy) {
      assertThat(
              Database.count(
                  "select count(*) from message where conversation_id = ? and client_id = ?::uuid",
                  conversation,
                  refused.getString("clientId")))
          .as("a frame answered busy is not stored")
          .isZero();
    }
    assertThat(Database.messagesIn(conversation)).isLessThanOrEqualTo(sent - busy.size());
    // Every acknowledged message is stored exactly once, under the seq its ack named.
    for (Map.Entry<String, Long> ack : acked.entrySet()) {
      assertThat(
              Database.count(
                  "select count(*) from message where conversation_id = ? and client_id = ?::uuid"
                      + " and seq = ?",
                  conversation,
                  ack.getKey(),
                  ack.getValue()))
          .as("stored once under its seq")
          .isEqualTo(1);
    }
    assertThat(
            Database.count(
                "select count(distinct seq) - count(*) from message where conversation_id = ?",
                conversation))
        .isZero();

    // Still healthy: a fresh login page, and the other side's messages go through.
    HttpResponse<String> login = new WebClient("visitor").get("/login.xhtml");
    assertThat(login.statusCode()).isEqualTo(200);
    try (SocketClient staff = SocketClient.open(consultation.staff())) {
      staff.send(conversation, "Still here?");
      assertThat(staff.next("ack").getBoolean("resend")).isFalse();
    }
  }

  @Test
  void aRowLockStallIsRiddenOutInOrderWhileTheLoginPageAnswers() throws Exception {
    int count = 5;
    List<String> ids = new ArrayList<>();
    List<Long> loginMillis = new ArrayList<>();
    List<JsonObject> received = new ArrayList<>();
    Set<String> waitsStarted = new HashSet<>();
    try (SocketClient patient = SocketClient.open(consultation.patient())) {
      long released;
      try (AutoCloseable lock = Database.lockConversation(conversation)) {
        long locked = System.nanoTime();
        for (int i = 0; i < count; i++) {
          ids.add(patient.send(conversation, "During the stall " + i));
        }
        // About eight seconds of stall: several lock timeouts, each retried by the server.
        while (System.nanoTime() - locked < TimeUnit.SECONDS.toNanos(8)) {
          long asked = System.nanoTime();
          HttpResponse<String> login = new WebClient("visitor").get("/login.xhtml");
          loginMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked));
          assertThat(login.statusCode()).isEqualTo(200);
          waitsStarted.addAll(Database.lockWaitsStartedAt());
          JsonObject frame = patient.frames.poll(500, TimeUnit.MILLISECONDS);
          if (frame != null) {
            received.add(frame);
          }
        }
        // Cheap frames are answered while the sends wait.
        patient.sendFrame(Map.of("type", "ping"));
        received.add(patient.next("pong"));
        assertThat(received).allMatch(frame -> "pong".equals(frame.getString("type")));
        released = System.nanoTime();
      }

      List<JsonObject> acks = new ArrayList<>();
      while (acks.size() < count) {
        JsonObject frame = patient.nextAny();
        received.add(frame);
        if ("ack".equals(frame.getString("type"))) {
          acks.add(frame);
        }
      }
      long lastAckMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - released);
      System.out.printf(
          "Row lock stall of 8 s: the login page answered %d times, in %s ms; all %d acks within"
              + " %d ms of the release%n",
          loginMillis.size(), loginMillis, count, lastAckMillis);

      assertThat(acks.stream().map(ack -> ack.getString("clientId")).toList()).isEqualTo(ids);
      assertThat(acks.stream().map(ack -> ack.getJsonNumber("seq").longValue()).toList())
          .isSorted()
          .doesNotHaveDuplicates();
      assertThat(acks).noneMatch(ack -> ack.getBoolean("resend"));
      assertThat(received).noneMatch(frame -> "error".equals(frame.getString("type")));
      assertThat(lastAckMillis).isLessThan(3_000);
      // The sends gave up on the lock after its short timeout and waited again in new
      // transactions, rather than holding one thread and connection through the stall.
      assertThat(waitsStarted).hasSizeGreaterThanOrEqualTo(2);
      assertThat(loginMillis).allSatisfy(millis -> assertThat(millis).isLessThan(2_000L));
    }
    assertThat(Database.messagesIn(conversation)).isEqualTo(count);
  }

  @Test
  void aPollerOverItsBoundIsToldToComeBackAndItsAcceptedBatchIsAnsweredInOrder() throws Exception {
    WebClient patient = consultation.patient();
    List<String> firstIds = SocketClient.newIds(100);
    List<String> secondIds = SocketClient.newIds(100);
    CompletableFuture<HttpResponse<String>> first;
    CompletableFuture<HttpResponse<String>> second;
    HttpResponse<String> refused;
    try (AutoCloseable lock = Database.lockConversation(conversation)) {
      first = CompletableFuture.supplyAsync(() -> postBatch(patient, firstIds));
      second = CompletableFuture.supplyAsync(() -> postBatch(patient, secondIds));
      // Each batch fills the poller's lane: whichever comes second is refused at once, while the
      // other waits for the lock.
      CompletableFuture.anyOf(first, second).get(10, TimeUnit.SECONDS);
      refused = first.isDone() ? first.join() : second.join();
    }
    boolean firstRefused = first.isDone() && first.join() == refused;
    HttpResponse<String> answered = (firstRefused ? second : first).get(30, TimeUnit.SECONDS);
    List<String> answeredIds = firstRefused ? secondIds : firstIds;

    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After"))
        .hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isPositive());
    JsonArray busy = SocketClient.frames(refused);
    assertThat(busy).hasSize(1);
    assertThat(busy.getJsonObject(0).getString("code")).isEqualTo("busy");
    assertThat(busy.getJsonObject(0).getInt("retryAfter")).isPositive();

    assertThat(answered.statusCode()).isEqualTo(200);
    List<JsonObject> acks = SocketClient.frames(answered).getValuesAs(JsonObject.class);
    assertThat(acks).allMatch(frame -> "ack".equals(frame.getString("type")));
    assertThat(acks.stream().map(ack -> ack.getString("clientId")).toList()).isEqualTo(answeredIds);
    assertThat(acks.stream().map(ack -> ack.getJsonNumber("seq").longValue()).toList())
        .isSorted()
        .doesNotHaveDuplicates();
    assertThat(Database.messagesIn(conversation)).isEqualTo(answeredIds.size());
  }

  private HttpResponse<String> postBatch(WebClient client, List<String> ids) {
    JsonArrayBuilder batch = Json.createArrayBuilder();
    for (int i = 0; i < ids.size(); i++) {
      batch.add(
          Json.createObjectBuilder()
              .add("type", "send")
              .add("conversation", conversation)
              .add("clientId", ids.get(i))
              .add("body", "Written offline " + i));
    }
    return client.postFrames(batch.build().toString(), TestServer.ORIGIN);
  }
}
