package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may reach what, tried for every kind of person against every page, resource and frame that
 * shows or changes a consultation: the patient, another patient, a member of staff not involved,
 * the one involved, an administrator, and someone not logged in. Objects a person may not see
 * answer exactly as unknown ones do (404), pages of another role 403, and nothing is stored by a
 * refused frame.
 */
class AuthorizationMatrixSecurityIT {

  enum Actor {
    ANONYMOUS,
    PATIENT,
    OTHER_PATIENT,
    UNINVOLVED_STAFF,
    INVOLVED_STAFF,
    ADMIN
  }

  private static final Set<Actor> PARTIES =
      EnumSet.of(Actor.PATIENT, Actor.INVOLVED_STAFF, Actor.ADMIN);
  private static final Set<Actor> MEMBERS = EnumSet.of(Actor.PATIENT, Actor.INVOLVED_STAFF);
  private static final Set<Actor> STAFF =
      EnumSet.of(Actor.UNINVOLVED_STAFF, Actor.INVOLVED_STAFF, Actor.ADMIN);
  private static final Set<Actor> PATIENTS = EnumSet.of(Actor.PATIENT, Actor.OTHER_PATIENT);

  private static final Map<Actor, WebClient> clients = new LinkedHashMap<>();
  private static TakenConsultation open;
  private static TakenConsultation closed;

  @BeforeAll
  static void peopleAndConsultations() {
    open = TakenConsultation.create("Matrix open");
    ClosedConsultation done = ClosedConsultation.create();
    closed = done.taken();
    clients.put(Actor.ANONYMOUS, new WebClient("anonymous"));
    clients.put(Actor.PATIENT, open.patient());
    clients.put(Actor.OTHER_PATIENT, WebClient.newPatient());
    clients.put(Actor.UNINVOLVED_STAFF, WebClient.newStaff());
    clients.put(Actor.INVOLVED_STAFF, open.staff());
    clients.put(Actor.ADMIN, WebClient.admin());
  }

  @Test
  void consultationPagesOpenForItsPartiesOnlyAndLookUnknownToEveryoneElse() {
    expectObject("/consultation/chat.xhtml?id=" + open.id(), PARTIES);
    // The closed one's patient and specialist are other people: here only the administrator is a
    // party, and everyone else meets what an unknown id meets.
    expectObject("/consultation/transcript.xhtml?id=" + closed.id(), EnumSet.of(Actor.ADMIN));
    expectObject("/api/transcripts/" + closed.id() + ".pdf", EnumSet.of(Actor.ADMIN));
    expectObject("/api/transcripts/" + closed.id() + ".fhir.json", EnumSet.of(Actor.ADMIN));
    assertThat(closed.patient().download("/api/transcripts/" + closed.id() + ".pdf").statusCode())
        .isEqualTo(200);
    assertThat(
            closed
                .patient()
                .download("/api/transcripts/" + closed.id() + ".fhir.json")
                .statusCode())
        .isEqualTo(200);
    assertThat(closed.staff().get("/consultation/transcript.xhtml?id=" + closed.id()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void pagesOfARoleOpenForThatRoleOnly() {
    expectRole("/patient/home.xhtml", PATIENTS);
    expectRole("/staff/queue.xhtml", STAFF);
    expectRole("/staff/snippets.xhtml", STAFF);
    for (String admin :
        List.of(
            "/admin/accounts.xhtml",
            "/admin/audit.xhtml",
            "/admin/consultations.xhtml",
            "/admin/phrases.xhtml")) {
      expectRole(admin, EnumSet.of(Actor.ADMIN));
    }
  }

  @Test
  void framesReadAndWriteAConversationForItsMembersOnlyOverPolling() {
    long conversation = open.conversation();
    for (Actor actor : Actor.values()) {
      WebClient client = clients.get(actor);
      long before = Database.messagesIn(conversation);
      String send =
          "[{\"type\":\"send\",\"conversation\":"
              + conversation
              + ",\"clientId\":\""
              + UUID.randomUUID()
              + "\",\"body\":\"Matrix probe from "
              + actor
              + "\"},{\"type\":\"sync\",\"conversation\":"
              + conversation
              + ",\"after\":0}]";
      HttpResponse<String> answer = client.postFrames(send, TestServer.ORIGIN);
      if (actor == Actor.ANONYMOUS) {
        assertThat(answer.uri().getPath()).as(actor + " posting frames").endsWith("/login.xhtml");
      } else {
        assertThat(answer.statusCode()).as(actor + " posting frames").isEqualTo(200);
        List<JsonObject> frames = SocketClient.frames(answer).getValuesAs(JsonObject.class);
        boolean member = MEMBERS.contains(actor);
        assertThat(frames.get(0).getString("type"))
            .as(actor + " sending")
            .isEqualTo(member ? "ack" : "error");
        assertThat(frames.get(1).getString("type"))
            .as(actor + " catching up")
            .isEqualTo(member ? "history" : "error");
        if (!member) {
          assertThat(frames.get(0).getString("code")).isEqualTo("forbidden");
        }
      }
      assertThat(Database.messagesIn(conversation))
          .as(actor + "'s message stored")
          .isEqualTo(before + (MEMBERS.contains(actor) ? 1 : 0));
      HttpResponse<String> poll =
          client.get("/api/conversations/" + conversation + "/frames?after=0");
      if (actor == Actor.ANONYMOUS) {
        assertThat(poll.uri().getPath()).endsWith("/login.xhtml");
      } else if (MEMBERS.contains(actor)) {
        assertThat(poll.statusCode()).as(actor + " polling").isEqualTo(200);
      } else {
        // The poll answers with the error frame a catch-up gets, exactly as for a conversation
        // that does not exist, and nothing else.
        assertThat(poll.statusCode()).as(actor + " polling").isEqualTo(200);
        List<JsonObject> frames = SocketClient.frames(poll).getValuesAs(JsonObject.class);
        assertThat(frames).as(actor + " polling").hasSize(1);
        assertThat(frames.get(0).getString("code")).isEqualTo("forbidden");
        String unknown = client.get("/api/conversations/999999999/frames?after=0").body();
        assertThat(poll.body()).isEqualTo(unknown);
        assertThat(poll.body()).doesNotContain("Matrix probe");
      }
    }
  }

  @Test
  void overTheSocketANonMemberGetsNothingOfTheConversation() {
    for (Actor actor : List.of(Actor.OTHER_PATIENT, Actor.UNINVOLVED_STAFF, Actor.ADMIN)) {
      try (SocketClient socket = SocketClient.open(clients.get(actor))) {
        long before = Database.messagesIn(open.conversation());
        socket.send(open.conversation(), "Socket probe from " + actor);
        assertThat(socket.nextOf("ack", "error").getString("type"))
            .as(actor.name())
            .isEqualTo("error");
        socket.sync(open.conversation(), 0);
        assertThat(socket.nextOf("history", "error").getString("type"))
            .as(actor.name())
            .isEqualTo("error");
        assertThat(Database.messagesIn(open.conversation())).isEqualTo(before);
      }
    }
  }

  /** An object's page or file: its parties get it, everyone else what an unknown id gets. */
  private static void expectObject(String path, Set<Actor> allowed) {
    String unknown = path.replaceAll("\\d+", "999999999");
    for (Actor actor : Actor.values()) {
      WebClient client = clients.get(actor);
      HttpResponse<byte[]> answer = client.download(path);
      if (actor == Actor.ANONYMOUS) {
        assertThat(answer.uri().getPath()).as(actor + " at " + path).endsWith("/login.xhtml");
      } else if (allowed.contains(actor)) {
        assertThat(answer.statusCode()).as(actor + " at " + path).isEqualTo(200);
      } else {
        assertThat(answer.statusCode())
            .as(actor + " at " + path + ", as at an unknown id")
            .isEqualTo(404)
            .isEqualTo(client.download(unknown).statusCode());
      }
    }
  }

  /** A page of a role: that role gets it, other roles 403, the anonymous the login. */
  private static void expectRole(String path, Set<Actor> allowed) {
    for (Actor actor : Actor.values()) {
      HttpResponse<String> answer = clients.get(actor).get(path);
      if (actor == Actor.ANONYMOUS) {
        assertThat(answer.uri().getPath()).as(actor + " at " + path).endsWith("/login.xhtml");
      } else {
        assertThat(answer.statusCode())
            .as(actor + " at " + path)
            .isEqualTo(allowed.contains(actor) ? 200 : 403);
      }
    }
  }
}
