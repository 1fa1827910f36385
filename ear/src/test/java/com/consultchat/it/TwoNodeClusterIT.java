package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two nodes of a cluster (consultchat-ha.xml), started side by side on loopback, joined over
 * JGroups TCP: what commits on one reaches the people connected to the other. They share the test
 * database with the test server, as the nodes of a clinic share theirs, so the suite's helpers (the
 * administrator, the database queries) work here too; they are stopped when this class ends.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterIT {

  private static final int ONE_OFFSET = 300;
  private static final int TWO_OFFSET = 500;
  private static final int BALANCER_OFFSET = 700;

  private static FaultServer balancer;
  private static FaultServer one;
  private static FaultServer two;
  private static Map<String, String> database;

  @BeforeAll
  static void twoNodes() {
    List<Integer> offsets = List.of(ONE_OFFSET, TWO_OFFSET);
    database =
        Map.of(
            "consultchat.db.url", TestServer.DB_URL,
            "consultchat.db.owner.user", TestServer.DB_USER,
            "consultchat.db.owner.password", TestServer.DB_PASSWORD,
            "consultchat.db.user", TestServer.APP_DB_USER,
            "consultchat.db.password", TestServer.APP_DB_PASSWORD);
    balancer = FaultServer.balancer(BALANCER_OFFSET);
    one = FaultServer.clusterNode("node-one", ONE_OFFSET, offsets, BALANCER_OFFSET);
    two = FaultServer.clusterNode("node-two", TWO_OFFSET, offsets, BALANCER_OFFSET);
    balancer.prepareBase();
    one.prepareBase();
    two.prepareBase();
    balancer.start(Map.of());
    // Together, as an operator would start them: the second takes its turn at the schema.
    CompletableFuture<Void> second = CompletableFuture.runAsync(() -> two.start(database));
    one.start(database);
    second.join();
  }

  @AfterAll
  static void stopNodes() {
    for (FaultServer node : new FaultServer[] {one, two, balancer}) {
      if (node != null && node.running()) {
        node.stopGracefully();
      }
    }
  }

  @Test
  @Order(1)
  void aConsultationsMessagesAndTypingCrossBetweenNodesOnceAndInOrder() {
    TakenConsultation consultation = TakenConsultation.create("Across nodes", one.baseUrl());
    WebClient staffOnTwo = onNodeTwo(consultation.staff(), "a personal password");
    long conversation = consultation.conversation();

    try (SocketClient patient = SocketClient.open(consultation.patient(), one.origin());
        SocketClient staff = SocketClient.open(staffOnTwo, two.origin())) {
      List<String> sent = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        sent.add("from node one " + i);
        patient.send(conversation, sent.get(i));
      }
      List<String> received = new ArrayList<>();
      List<Long> seqs = new ArrayList<>();
      for (int i = 0; i < sent.size(); i++) {
        JsonObject message = staff.next("message").getJsonObject("message");
        received.add(message.getString("body"));
        seqs.add(message.getJsonNumber("seq").longValue());
      }
      assertThat(received).containsExactlyElementsOf(sent);
      assertThat(seqs).isSorted().doesNotHaveDuplicates();

      // The patient's socket also gets their own 50 (for their other devices), then the answer.
      staff.send(conversation, "answered on node two");
      List<String> patientSaw = new ArrayList<>();
      for (int i = 0; i <= sent.size(); i++) {
        patientSaw.add(patient.next("message").getJsonObject("message").getString("body"));
      }
      assertThat(patientSaw).endsWith("answered on node two").doesNotHaveDuplicates();

      patient.sendFrame(Map.of("type", "typing", "conversation", conversation));
      assertThat(staff.next("typing").getJsonNumber("conversation").longValue())
          .isEqualTo(conversation);
    }
    assertThat(Database.messagesIn(conversation)).isEqualTo(51);
  }

  /**
   * A room whose members are on both nodes: presence, typing and messages cross in both directions,
   * and someone who leaves node two is shown offline on node one.
   */
  @Test
  @Order(1)
  void aRoomSplitAcrossNodesSharesMessagesPresenceAndTyping() {
    WebClient staff = WebClient.newStaff(one.baseUrl());
    WebClient anna = WebClient.newPatient(one.baseUrl());
    WebClient ben = WebClient.newPatient(one.baseUrl());
    long room = Rooms.create(staff, "Split across nodes", true, false);
    Rooms.join(anna, room, "Quiet Heron");
    Rooms.join(ben, room, "Bright Lynx");
    long conversation = Rooms.conversation(anna, room);
    WebClient benOnTwo = ben.at(two.baseUrl());
    WebClient staffOnTwo = staff.at(two.baseUrl());
    Map<String, Object> askPresence =
        Map.of("type", "presence", "conversation", conversation, "state", "online");

    try (SocketClient annaOnOne = SocketClient.open(anna, one.origin());
        SocketClient staffSocket = SocketClient.open(staffOnTwo, two.origin())) {
      annaOnOne.sendFrame(askPresence);
      JsonObject benAsSeen = named(annaOnOne.next("presence"), "Bright Lynx");
      assertThat(benAsSeen.getString("state")).isEqualTo("offline");
      long benHandle = benAsSeen.getJsonNumber("account").longValue();

      try (SocketClient benSocket = SocketClient.open(benOnTwo, two.origin())) {
        awaitPresence(annaOnOne, benHandle, "online");
        benSocket.sendFrame(askPresence);
        assertThat(named(benSocket.next("presence"), "Quiet Heron").getString("state"))
            .isEqualTo("online");

        benSocket.sendFrame(Map.of("type", "typing", "conversation", conversation));
        assertThat(annaOnOne.next("typing").getString("name")).isEqualTo("Bright Lynx");

        annaOnOne.send(conversation, "written on node one");
        assertThat(benSocket.next("message").getJsonObject("message").getString("body"))
            .isEqualTo("written on node one");
        assertThat(staffSocket.next("message").getJsonObject("message").getString("body"))
            .isEqualTo("written on node one");
        benSocket.send(conversation, "answered on node two");
        // Anna's own message comes back first, for her other devices.
        assertThat(annaOnOne.next("message").getJsonObject("message").getString("body"))
            .isEqualTo("written on node one");
        assertThat(annaOnOne.next("message").getJsonObject("message").getString("body"))
            .isEqualTo("answered on node two");
      }
      assertThat(awaitPresence(annaOnOne, benHandle, "offline").getString("lastSeen")).isNotBlank();
    }
    assertThat(Database.messagesIn(conversation)).isEqualTo(2);
  }

  @Test
  @Order(1)
  void disablingAnAccountOnOneNodeClosesItsSocketsOnTheOther() {
    WebClient patient = WebClient.newPatient(one.baseUrl());
    WebClient patientOnTwo = onNodeTwo(patient, WebClient.PATIENT_PASSWORD);
    try (SocketClient socket = SocketClient.open(patientOnTwo, two.origin())) {
      WebClient admin = WebClient.admin(one.baseUrl());
      long id = patient.accountId();
      HttpResponse<String> page = admin.get("/admin/account.xhtml?id=" + id);
      Map<String, String> fields = new LinkedHashMap<>();
      fields.put("id", String.valueOf(id));
      fields.put("disable:submit", "");

      admin.postForm(page, "disable", fields);

      assertThat(socket.awaitClose()).isEqualTo(1008);
      assertThat(socket.closeReason()).isEqualTo("account-disabled");
    }
  }

  /** A logout on node one closes the sockets its session opened on node two. */
  @Test
  @Order(1)
  void aLogoutOnOneNodeClosesTheSessionsSocketsOnTheOther() {
    WebClient patient = WebClient.newPatient(one.baseUrl());
    try (SocketClient onTwo = SocketClient.open(patient.at(two.baseUrl()), two.origin())) {
      patient.logout();

      assertThat(onTwo.awaitClose()).isEqualTo(1008);
      assertThat(onTwo.closeReason()).isEqualTo("Session ended");
    }
  }

  /** Wrong passwords counted on node one delay the next attempt on node two as well. */
  @Test
  @Order(1)
  void failedLoginsOnOneNodeCountOnTheOther() {
    WebClient patient = WebClient.newPatient(one.baseUrl());
    WebClient attackerOnOne = new WebClient("attacker", one.baseUrl());
    WebClient attackerOnTwo = new WebClient("attacker", two.baseUrl());
    // The three free failures and a fourth, which makes the next attempt wait.
    for (int i = 0; i < 4; i++) {
      assertThat(LoginSecurityIT.messageOf(attackerOnOne.login(patient.username, "guess " + i)))
          .isEqualTo("Wrong username or password.");
    }

    assertThat(LoginSecurityIT.messageOf(attackerOnTwo.login(patient.username, "on node two")))
        .startsWith("Too many failed logins. Please wait");
  }

  @Test
  @Order(1)
  void aLoginMadeOnOneNodeIsValidOnTheOther() throws Exception {
    WebClient patient = WebClient.newPatient(one.baseUrl());
    HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> home =
        http.send(
            HttpRequest.newBuilder(URI.create(two.baseUrl() + "/patient/home.xhtml"))
                .header("Cookie", patient.cookieHeader())
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(home.statusCode()).isEqualTo(200);
    assertThat(home.body()).contains("Patient " + patient.username);
  }

  /**
   * Node one is killed while a patient connected to it sends; the patient's page goes on at node
   * two with the same login and sends again what was not acknowledged, as the outbox does. Every
   * message is stored once, the specialist on node two has them all (live or by catching up), and
   * node one, started again, rejoins without the other being restarted.
   */
  @Test
  @Order(2)
  void aNodeKilledUnderTrafficLosesAndDoublesNothingAndRejoins() {
    int count = 400;
    TakenConsultation consultation = TakenConsultation.create("Failover", one.baseUrl());
    WebClient staffOnTwo = onNodeTwo(consultation.staff(), "a personal password");
    long conversation = consultation.conversation();
    List<String> ids = SocketClient.newIds(count);
    IntFunction<String> body = i -> "message " + i;
    Map<String, Long> acked = new HashMap<>();
    Received got = new Received();

    try (SocketClient staff = SocketClient.open(staffOnTwo, two.origin())) {
      SocketClient onOne = SocketClient.open(consultation.patient(), one.origin());
      onOne.sendWindowed(conversation, ids, body, acked, count / 3);
      one.kill9();
      onOne.abortKeepingAcks(acked);

      WebClient patientOnTwo = consultation.patient().at(two.baseUrl());
      try (SocketClient onTwo = SocketClient.open(patientOnTwo, two.origin())) {
        onTwo.sendWindowed(conversation, ids, body, acked, count);
      }
      got.catchUp(staff, conversation, count);
    }

    assertThat(new HashSet<>(acked.values()))
        .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, count).boxed().toList());
    assertThat(got.bySeq.keySet())
        .containsExactlyElementsOf(LongStream.rangeClosed(1, count).boxed().toList());
    assertThat(new HashSet<>(got.bySeq.values()))
        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, count).mapToObj(body).toList());
    assertThat(Database.messagesIn(conversation)).isEqualTo(count);

    one.start(database);
    try (SocketClient patientOnOne = SocketClient.open(consultation.patient(), one.origin());
        SocketClient staff = SocketClient.open(staffOnTwo, two.origin())) {
      staff.send(conversation, "after node one came back");
      JsonObject message = patientOnOne.next("message").getJsonObject("message");
      assertThat(message.getString("body")).isEqualTo("after node one came back");
    }
  }

  /** The same person logged in again at the second node, as a balancer could send them there. */
  /**
   * As a clinic runs it, through the balancer's one address: the node holding a patient's session
   * dies while they send; their page reconnects to the same address, the balancer hands it to the
   * other node, which has their login, and they resend what was not acknowledged. Every message is
   * stored once and reaches the specialist.
   */
  @Test
  @Order(3)
  void throughTheBalancerAPatientGoesOnAtTheOtherNodeWhenTheirsDies() {
    Await.until(
        "both nodes to serve through the balancer",
        Duration.ofSeconds(60),
        () -> FaultServer.loginPage(balancer.baseUrl(), Duration.ofSeconds(5)).answered());
    int count = 200;
    TakenConsultation consultation =
        TakenConsultation.create("Behind one address", balancer.baseUrl());
    long conversation = consultation.conversation();
    // The session cookie names the node the balancer keeps the patient on.
    FaultServer theirs = consultation.patient().cookieHeader().contains(".node-one") ? one : two;
    FaultServer other = theirs == one ? two : one;
    WebClient staffOnOther = consultation.staff().at(other.baseUrl());
    List<String> ids = SocketClient.newIds(count);
    IntFunction<String> body = i -> "through the balancer " + i;
    Map<String, Long> acked = new HashMap<>();
    Received got = new Received();

    try (SocketClient staff = SocketClient.open(staffOnOther, other.origin())) {
      SocketClient before = SocketClient.open(consultation.patient(), balancer.origin());
      before.sendWindowed(conversation, ids, body, acked, count / 2);
      theirs.kill9();
      before.abortKeepingAcks(acked);

      SocketClient[] after = new SocketClient[1];
      Await.until(
          "the page to reconnect through the balancer",
          Duration.ofSeconds(60),
          () -> {
            try {
              after[0] = SocketClient.open(consultation.patient(), balancer.origin());
              return true;
            } catch (RuntimeException | AssertionError notYet) {
              return false;
            }
          });
      try (SocketClient again = after[0]) {
        again.sendWindowed(conversation, ids, body, acked, count);
      }
      got.catchUp(staff, conversation, count);
    }

    assertThat(new HashSet<>(acked.values()))
        .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, count).boxed().toList());
    assertThat(new HashSet<>(got.bySeq.values()))
        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, count).mapToObj(body).toList());
    assertThat(Database.messagesIn(conversation)).isEqualTo(count);
    // The patient's login lives on: a page through the balancer still shows their home.
    assertThat(consultation.patient().get("/patient/home.xhtml").body())
        .contains("Patient " + consultation.patient().username);
    theirs.start(database);
  }

  /** The member called {@code name} in the answer to a presence request. */
  private static JsonObject named(JsonObject presence, String name) {
    return presence.getJsonArray("members").getValuesAs(JsonObject.class).stream()
        .filter(member -> name.equals(member.getString("name", null)))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " not in " + presence));
  }

  /**
   * Waits for the socket to be told that the member it knows by {@code handle} is {@code state}.
   */
  private static JsonObject awaitPresence(SocketClient socket, long handle, String state) {
    for (int frames = 0; frames < 20; frames++) {
      for (JsonObject member :
          socket.next("presence").getJsonArray("members").getValuesAs(JsonObject.class)) {
        if (member.getJsonNumber("account").longValue() == handle
            && state.equals(member.getString("state"))) {
          return member;
        }
      }
    }
    throw new AssertionError("Not told that " + handle + " is " + state);
  }

  private static WebClient onNodeTwo(WebClient person, String password) {
    WebClient there = new WebClient(person.username, two.baseUrl());
    HttpResponse<String> login = there.login(person.username, password);
    assertThat(login.uri().getPath()).doesNotEndWith("/login.xhtml");
    return there;
  }
}
