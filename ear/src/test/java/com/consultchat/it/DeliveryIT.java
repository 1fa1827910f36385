package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Nothing lost, nothing duplicated, order kept: across dropped connections, resends and transports.
 */
class DeliveryIT {

  private static final int COUNT = 1000;

  private WebClient patient;
  private WebClient staff;
  private long conversation;

  @BeforeEach
  void aTakenConsultation() {
    TakenConsultation consultation = TakenConsultation.create("Follow-up on blood test results");
    patient = consultation.patient();
    staff = consultation.staff();
    conversation = consultation.conversation();
  }

  @Test
  void connectionsDroppedInTheMiddleOf1000MessagesLoseAndDuplicateNothing() throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      ids.add(UUID.randomUUID().toString());
    }
    SocketClient receiver = SocketClient.open(staff);
    CompletableFuture<Map<Long, String>> received =
        CompletableFuture.supplyAsync(() -> receiveDroppingOnce(receiver));

    Map<String, Long> acked = new HashMap<>();
    SocketClient first = SocketClient.open(patient);
    first.sendWindowed(conversation, ids.subList(0, COUNT / 2), i -> "message " + i, acked, 200);
    first.abort();
    first.frames.stream()
        .filter(f -> "ack".equals(f.getString("type")))
        .forEach(f -> record(f, acked));

    try (SocketClient second = SocketClient.open(patient)) {
      second.sendWindowed(conversation, ids, i -> "message " + i, acked, COUNT);
    }

    for (int i = 0; i < COUNT; i++) {
      assertThat(acked.get(ids.get(i))).as("seq of message %d", i).isEqualTo(i + 1L);
    }
    Map<Long, String> delivered = received.get(60, TimeUnit.SECONDS);
    assertThat(delivered).hasSize(COUNT);
    delivered.forEach((seq, body) -> assertThat(body).isEqualTo("message " + (seq - 1)));
    assertThat(Database.messagesIn(conversation)).isEqualTo(COUNT);
    assertThat(
            Database.count(
                "select count(distinct seq) from message where conversation_id = ? and seq between 1 and ?",
                conversation,
                (long) COUNT))
        .isEqualTo(COUNT);
  }

  @Test
  void liveMessagesReachEverySocketInSeqOrderWhileBothSidesSendAtOnce() throws Exception {
    int each = 150;
    try (SocketClient watcher = SocketClient.open(patient);
        SocketClient patientSocket = SocketClient.open(patient);
        SocketClient staffSocket = SocketClient.open(staff)) {
      patientSocket.send(conversation, "opening");
      patientSocket.next("ack");
      CompletableFuture<Void> fromStaff =
          CompletableFuture.runAsync(
              () ->
                  staffSocket.sendWindowed(
                      conversation,
                      SocketClient.newIds(each),
                      i -> "staff " + i,
                      new HashMap<>(),
                      each));
      patientSocket.sendWindowed(
          conversation, SocketClient.newIds(each), i -> "patient " + i, new HashMap<>(), each);
      fromStaff.get(30, TimeUnit.SECONDS);

      List<Long> seen = new ArrayList<>();
      while (seen.size() < 1 + 2 * each) {
        seen.add(watcher.next("message").getJsonObject("message").getJsonNumber("seq").longValue());
      }

      assertThat(seen).isSorted().doesNotHaveDuplicates().startsWith(1L).endsWith(1L + 2 * each);
    }
  }

  @Test
  void theSameClientIdSentThreeTimesFromTwoSocketsAtOnceIsStoredOnce() {
    try (SocketClient a = SocketClient.open(patient);
        SocketClient b = SocketClient.open(patient)) {
      String clientId = UUID.randomUUID().toString();
      for (int i = 0; i < 3; i++) {
        a.send(conversation, clientId, "Is it contagious?");
        b.send(conversation, clientId, "Is it contagious?");
      }

      Set<Long> seqs = new HashSet<>();
      for (int i = 0; i < 3; i++) {
        seqs.add(a.next("ack").getJsonNumber("seq").longValue());
        seqs.add(b.next("ack").getJsonNumber("seq").longValue());
      }

      assertThat(seqs).containsExactly(1L);
      assertThat(Database.count("select count(*) from message where client_id = ?::uuid", clientId))
          .isEqualTo(1);
      assertThat(Database.messagesIn(conversation)).isEqualTo(1);
    }
  }

  @Test
  void aPollingClientAndASocketClientConverse() {
    try (SocketClient staffSocket = SocketClient.open(staff)) {
      String clientId = UUID.randomUUID().toString();
      JsonArray answer =
          SocketClient.frames(
              patient.postFrames(
                  "[" + sendFrame(clientId, "Written without a socket") + "]", TestServer.ORIGIN));
      assertThat(answer.getJsonObject(0).getString("type")).isEqualTo("ack");
      assertThat(answer.getJsonObject(0).getJsonNumber("seq").longValue()).isEqualTo(1);
      assertThat(staffSocket.next("message").getJsonObject("message").getString("body"))
          .isEqualTo("Written without a socket");

      staffSocket.send(conversation, "Answered over the socket");
      staffSocket.next("ack");
      JsonObject history =
          SocketClient.frames(patient.get("/api/conversations/" + conversation + "/frames?after=1"))
              .getJsonObject(0);

      assertThat(history.getString("type")).isEqualTo("history");
      assertThat(history.getJsonArray("messages").getValuesAs(JsonObject.class))
          .extracting(m -> m.getString("body"))
          .containsExactly("Answered over the socket");
    }
  }

  @Test
  void aBatchIsNumberedInOrderAndAResendInsideItGetsItsOriginal() {
    String first = UUID.randomUUID().toString();
    JsonArray alone =
        SocketClient.frames(patient.postFrames(batchOf(List.of(first)), TestServer.ORIGIN));
    long firstSeq = alone.getJsonObject(0).getJsonNumber("seq").longValue();

    List<String> together = SocketClient.newIds(3);
    JsonArray batch = SocketClient.frames(patient.postFrames(batchOf(together), TestServer.ORIGIN));
    assertThat(batch.getValuesAs(JsonObject.class))
        .extracting(ack -> ack.getString("clientId"), ack -> ack.getJsonNumber("seq").longValue())
        .containsExactly(
            tuple(together.get(0), firstSeq + 1),
            tuple(together.get(1), firstSeq + 2),
            tuple(together.get(2), firstSeq + 3));

    // The resend keeps the batch from going as one transaction; each still gets its own answer.
    List<String> fresh = SocketClient.newIds(2);
    List<String> mixed = List.of(fresh.get(0), first, fresh.get(1));
    JsonArray answers = SocketClient.frames(patient.postFrames(batchOf(mixed), TestServer.ORIGIN));
    assertThat(answers.getValuesAs(JsonObject.class))
        .extracting(
            ack -> ack.getString("clientId"),
            ack -> ack.getJsonNumber("seq").longValue(),
            ack -> ack.getBoolean("resend"))
        .containsExactly(
            tuple(mixed.get(0), firstSeq + 4, false),
            tuple(first, firstSeq, true),
            tuple(mixed.get(2), firstSeq + 5, false));
    assertThat(
            SocketClient.frames(
                    patient.get("/api/conversations/" + conversation + "/frames?after=0"))
                .getJsonObject(0)
                .getJsonArray("messages"))
        .hasSize((int) firstSeq + 5);
  }

  private String batchOf(List<String> clientIds) {
    return clientIds.stream()
        .map(id -> sendFrame(id, "Message " + id))
        .collect(Collectors.joining(",", "[", "]"));
  }

  @Test
  void aPollWithTheCurrentVersionGetsNothingAndAnyCommitMakesTheVersionStale() {
    String path = "/api/conversations/" + conversation + "/frames?after=0";
    HttpResponse<String> first = pollPastTheFloor(path);
    String version = first.headers().firstValue("Poll-Version").orElseThrow();

    HttpResponse<String> quiet = pollPastTheFloor(path + "&v=" + version);
    assertThat(SocketClient.frames(quiet)).isEmpty();
    assertThat(quiet.headers().firstValue("Poll-Version")).hasValue(version);

    try (SocketClient staffSocket = SocketClient.open(staff)) {
      staffSocket.send(conversation, "Something new");
      staffSocket.next("ack");
    }
    HttpResponse<String> news = pollPastTheFloor(path + "&v=" + version);
    JsonObject history = SocketClient.frames(news).getJsonObject(0);
    assertThat(history.getJsonArray("messages").getValuesAs(JsonObject.class))
        .extracting(m -> m.getString("body"))
        .containsExactly("Something new");
    assertThat(news.headers().firstValue("Poll-Version")).isPresent().get().isNotEqualTo(version);

    // A stranger holding someone's token learns nothing but "nothing new"; without it, a refusal.
    WebClient stranger = WebClient.newPatient();
    assertThat(SocketClient.frames(stranger.get(path)).getJsonObject(0).getString("code"))
        .isEqualTo("forbidden");
  }

  /** Polls again once the server's floor between two polls has passed. */
  private HttpResponse<String> pollPastTheFloor(String path) {
    var answer = new java.util.concurrent.atomic.AtomicReference<HttpResponse<String>>();
    Await.until(
        "a poll past the floor",
        java.time.Duration.ofSeconds(10),
        () -> {
          answer.set(patient.get(path));
          return answer.get().statusCode() != 429;
        });
    return answer.get();
  }

  @Test
  void pollingFasterThanTheServersFloorIsRefused() {
    patient.get("/api/conversations/" + conversation + "/frames?after=0");

    HttpResponse<String> tooSoon =
        patient.get("/api/conversations/" + conversation + "/frames?after=0");

    assertThat(tooSoon.statusCode()).isEqualTo(429);
    assertThat(tooSoon.headers().firstValue("Retry-After")).hasValue("2");
    assertThat(SocketClient.frames(tooSoon).getJsonObject(0).getString("code"))
        .isEqualTo("too-soon");
  }

  @Test
  void thePollingTransportRefusesForeignPagesStrangersAndGarbage() {
    String frame = "[" + sendFrame(UUID.randomUUID().toString(), "hello") + "]";

    assertThat(patient.postFrames(frame, "https://evil.example").statusCode()).isEqualTo(403);
    assertThat(patient.postFrames("hello", TestServer.ORIGIN).statusCode()).isEqualTo(400);
    assertThat(WebClient.newPatient().postFrames(frame, TestServer.ORIGIN).body())
        .contains("\"code\":\"forbidden\"");
    HttpResponse<String> anonymous =
        new WebClient("anonymous").postFrames(frame, TestServer.ORIGIN);
    assertThat(anonymous.uri().getPath()).endsWith("/login.xhtml");
    assertThat(Database.messagesIn(conversation)).isZero();
  }

  @Test
  void receiptsOnlyGrowAndTravelLiveAndInCatchUp() throws Exception {
    try (SocketClient patientSocket = SocketClient.open(patient);
        SocketClient staffSocket = SocketClient.open(staff)) {
      patientSocket.send(conversation, "first");
      patientSocket.next("ack");
      patientSocket.send(conversation, "second");
      patientSocket.next("ack");

      staffSocket.sendFrame(receipt(2, 1));
      JsonObject live = patientSocket.next("receipt").getJsonObject("receipt");
      staffSocket.sendFrame(receipt(99, 99));
      JsonObject clamped = patientSocket.next("receipt").getJsonObject("receipt");
      staffSocket.sendFrame(receipt(1, 1));

      assertThat(live.getJsonNumber("account").longValue()).isEqualTo(staffSocket.me);
      assertThat(live.getJsonNumber("delivered").longValue()).isEqualTo(2);
      assertThat(live.getJsonNumber("read").longValue()).isEqualTo(1);
      assertThat(clamped.getJsonNumber("read").longValue()).isEqualTo(2);
      assertThat(patientSocket.quietFor("receipt", Duration.ofMillis(500))).isTrue();

      patientSocket.sync(conversation, 2);
      JsonObject catchUp = patientSocket.next("history");
      assertThat(catchUp.getJsonArray("receipts").getValuesAs(JsonObject.class))
          .anySatisfy(
              r -> {
                assertThat(r.getJsonNumber("account").longValue()).isEqualTo(staffSocket.me);
                assertThat(r.getJsonNumber("read").longValue()).isEqualTo(2);
              });
    }
  }

  @Test
  void strangersCannotSendReceipts() {
    try (SocketClient intruder = SocketClient.open(WebClient.newPatient())) {
      intruder.sendFrame(receipt(1, 1));

      assertThat(intruder.next("error").getString("code")).isEqualTo("forbidden");
      assertThat(
              Database.count(
                  "select count(*) from receipt where conversation_id = ?", conversation))
          .isZero();
    }
  }

  private Map<String, Object> receipt(long delivered, long read) {
    return Map.of(
        "type", "receipt", "conversation", conversation, "delivered", delivered, "read", read);
  }

  private String sendFrame(String clientId, String body) {
    return Json.createObjectBuilder()
        .add("type", "send")
        .add("conversation", conversation)
        .add("clientId", clientId)
        .add("body", body)
        .build()
        .toString();
  }

  private static void record(JsonObject ack, Map<String, Long> acked) {
    Long previous = acked.put(ack.getString("clientId"), ack.getJsonNumber("seq").longValue());
    if (previous != null) {
      assertThat(ack.getJsonNumber("seq").longValue()).isEqualTo(previous);
    }
  }

  /** The recipient's side: live frames, a dropped connection, then catch-up from what it holds. */
  private Map<Long, String> receiveDroppingOnce(SocketClient first) {
    Received got = new Received();
    while (got.size() < COUNT * 3 / 10) {
      got.merge(first.next("message").getJsonObject("message"));
    }
    first.abort();
    got.mergeWaiting(first);
    try (SocketClient second = SocketClient.open(staff)) {
      got.catchUp(second, conversation, COUNT);
    }
    return got.bySeq;
  }
}
