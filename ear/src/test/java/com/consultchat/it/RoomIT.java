package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Focus group rooms: membership, approvals, moderation, reports and review, through the edges. */
class RoomIT {

  private WebClient staff;
  private WebClient anna;
  private WebClient ben;

  @BeforeEach
  void people() {
    staff = WebClient.newStaff();
    anna = WebClient.newPatient();
    ben = WebClient.newPatient();
  }

  @Test
  void approvalRoomsLetPatientsInOnlyWhenStaffApproveAndTellThemTheOutcome() {
    long room = Rooms.create(staff, "Newly diagnosed", false, false);

    HttpResponse<String> asked = Rooms.join(anna, room, "Quiet Heron");
    assertThat(asked.body()).contains("Your request was sent").contains("Waiting for approval");
    assertThat(anna.get(Rooms.path(room)).body()).doesNotContain("data-conversation");

    try (SocketClient annaSocket = SocketClient.open(anna)) {
      Rooms.onMember(staff, room, Rooms.accountId(anna.username), "approve", Map.of());
      assertThat(annaSocket.next("room").getJsonNumber("room").longValue()).isEqualTo(room);
    }
    long conversation = Rooms.conversation(anna, room);
    try (SocketClient annaSocket = SocketClient.open(anna)) {
      annaSocket.send(conversation, "Hello everyone");
      assertThat(annaSocket.next("ack").getInt("seq")).isEqualTo(1);
    }

    Rooms.join(ben, room, "Brave Otter");
    Rooms.onMember(staff, room, Rooms.accountId(ben.username), "decline", Map.of());
    assertThat(ben.get("/rooms/index.xhtml").body()).contains("Your request was declined");
    assertThat(ben.get(Rooms.path(room)).body()).doesNotContain("data-conversation");
  }

  @Test
  void aMemberWhoLeavesGetsNothingMoreAndABannedOneCannotComeBack() {
    long room = Rooms.create(staff, "Living with asthma", true, false);
    Rooms.join(anna, room, "Calm Finch");
    Rooms.join(ben, room, "Swift Hare");
    long conversation = Rooms.conversation(anna, room);

    ben.submit(Rooms.path(room), "mine", Map.of(), "leave");
    try (SocketClient benSocket = SocketClient.open(ben);
        SocketClient annaSocket = SocketClient.open(anna)) {
      annaSocket.send(conversation, "Anyone tried the new inhaler?");
      annaSocket.next("ack");
      assertThat(quiet(benSocket, "message")).isTrue();
      benSocket.sync(conversation, 0);
      assertThat(benSocket.next("error").getString("code")).isEqualTo("forbidden");
    }

    Rooms.join(ben, room, "Swift Hare");
    Rooms.onMember(staff, room, Rooms.accountId(ben.username), "ban", Map.of());
    HttpResponse<String> again = Rooms.join(ben, room, "Another Name");
    assertThat(again.body()).contains("You have been banned from this room.");
    assertThat(
            Database.count(
                "select count(*) from conversation_member where conversation_id = ?"
                    + " and account_id = ?",
                conversation,
                Rooms.accountId(ben.username)))
        .isZero();
  }

  @Test
  void outsidersNeitherReadNorWriteWhateverIdTheyTry() {
    long room = Rooms.create(staff, "Chronic pain", true, false);
    Rooms.join(anna, room, "Kind Robin");
    long conversation = Rooms.conversation(anna, room);
    try (SocketClient annaSocket = SocketClient.open(anna)) {
      annaSocket.send(conversation, "My back is bad today");
      annaSocket.next("ack");
    }

    HttpResponse<String> page = ben.get(Rooms.path(room));
    assertThat(page.body()).doesNotContain("My back is bad today").doesNotContain("Kind Robin");
    try (SocketClient benSocket = SocketClient.open(ben)) {
      benSocket.sync(conversation, 0);
      assertThat(benSocket.next("error").getString("code")).isEqualTo("forbidden");
      benSocket.send(conversation, "let me in");
      assertThat(benSocket.next("error").getString("code")).isEqualTo("forbidden");
    }
    String poll = ben.get("/api/conversations/" + conversation + "/frames?after=0").body();
    assertThat(poll).contains("forbidden").doesNotContain("My back is bad today");
    assertThat(ben.get(Rooms.path(Long.MAX_VALUE)).statusCode()).isEqualTo(404);
    assertThat(ben.get("/rooms/room.xhtml?id=abc").statusCode()).isEqualTo(404);

    Rooms.report(ben, room, 1, "probing");
    assertThat(Database.count("select count(*) from message_report where focus_group_id = ?", room))
        .isZero();

    staff.submit(Rooms.path(room), "side", Map.of(), "archive");
    assertThat(ben.get(Rooms.path(room)).statusCode()).isEqualTo(404);
    assertThat(Database.messagesIn(conversation)).isEqualTo(1);
  }

  @Test
  void anArchivedRoomStaysReadableForItsMembersAndTakesNothingNew() {
    long room = Rooms.create(staff, "Winter flu 2025", true, false);
    Rooms.join(anna, room, "Steady Lynx");
    long conversation = Rooms.conversation(anna, room);
    try (SocketClient socket = SocketClient.open(anna)) {
      socket.send(conversation, "Feeling better now");
      socket.next("ack");
    }

    staff.submit(Rooms.path(room), "side", Map.of(), "archive");

    String page = anna.get(Rooms.path(room)).body();
    assertThat(page).contains("Archived").doesNotContain("id=\"composer\"");
    try (SocketClient socket = SocketClient.open(anna)) {
      socket.sync(conversation, 0);
      assertThat(socket.next("history").getJsonArray("messages")).hasSize(1);
      socket.send(conversation, "Still here?");
      JsonObject refused = socket.next("error");
      assertThat(refused.getString("code")).isEqualTo("conflict");
      assertThat(refused.getString("message")).contains("archived");
    }
    assertThat(Rooms.join(ben, room, "Late Comer").body()).doesNotContain("Welcome to the room");
    assertThat(Database.messagesIn(conversation)).isEqualTo(1);
  }

  @Test
  void aMutedMemberReadsButTheirPostsAreRefusedWithTheReason() {
    long room = Rooms.create(staff, "Migraine", true, false);
    Rooms.join(anna, room, "Gentle Owl");
    long conversation = Rooms.conversation(anna, room);
    long annaId = Rooms.accountId(anna.username);

    Rooms.join(ben, room, "Brave Panda");
    Rooms.onMember(staff, room, annaId, "mute", Map.of("minutes", "15"));
    try (SocketClient socket = SocketClient.open(anna);
        SocketClient benSocket = SocketClient.open(ben)) {
      socket.send(conversation, "Am I muted?");
      JsonObject refused = socket.next("error");
      assertThat(refused.getString("code")).isEqualTo("forbidden");
      assertThat(refused.getString("message")).startsWith("You are muted in this room until");
      assertThat(Database.messagesIn(conversation)).isZero();
      socket.sendFrame(Map.of("type", "typing", "conversation", conversation));
      assertThat(quiet(benSocket, "typing")).isTrue();
      assertThat(anna.get(Rooms.path(room)).body()).contains("A moderator has muted you");

      Rooms.onMember(staff, room, annaId, "unmute", Map.of());
      socket.send(conversation, "Thanks for unmuting me");
      assertThat(socket.next("ack").getInt("seq")).isEqualTo(1);
    }
  }

  @Test
  void aRemovedMessageShowsAsRemovedLiveAndInCatchUp() {
    long room = Rooms.create(staff, "Eczema", true, false);
    Rooms.join(anna, room, "Sunny Wren");
    Rooms.join(ben, room, "Steady Seal");
    long conversation = Rooms.conversation(anna, room);

    try (SocketClient annaSocket = SocketClient.open(anna);
        SocketClient benSocket = SocketClient.open(ben)) {
      annaSocket.send(conversation, "Buy my miracle cream at example.com");
      long seq = annaSocket.next("ack").getInt("seq");
      benSocket.next("message");

      Rooms.onMessage(staff, room, seq, "remove");
      JsonObject removal = benSocket.next("message").getJsonObject("message");
      assertThat(removal.getString("kind")).isEqualTo("DELETE");
      assertThat(removal.getInt("ref")).isEqualTo(seq);
      assertThat(removal.getBoolean("removedByModerator")).isTrue();
      assertThat(removal.getInt("seq")).isEqualTo(seq + 1);

      // A client starting from nothing sees the message emptied and marked, and the entry.
      benSocket.sync(conversation, 0);
      JsonObject history = benSocket.next("history");
      JsonObject removed = history.getJsonArray("messages").getJsonObject(0);
      assertThat(removed.getBoolean("removedByModerator")).isTrue();
      assertThat(removed.isNull("deletedAt")).isFalse();
      assertThat(history.getJsonArray("messages")).hasSize(2);
      assertThat(history.toString()).doesNotContain("miracle cream");

      Rooms.onMessage(staff, room, seq, "remove");
      assertThat(quiet(benSocket, "message")).isTrue();
    }
    assertThat(
            Database.count(
                "select count(*) from message where conversation_id = ? and body like '%miracle%'",
                conversation))
        .isZero();
  }

  @Test
  void membersReportMessagesAndStaffResolveThem() {
    long room = Rooms.create(staff, "Long COVID", true, false);
    Rooms.join(anna, room, "Curious Lynx");
    Rooms.join(ben, room, "Hopeful Koala");
    long conversation = Rooms.conversation(anna, room);
    try (SocketClient annaSocket = SocketClient.open(anna)) {
      annaSocket.send(conversation, "Stop taking your medication, it is all a scam");
      annaSocket.next("ack");
    }

    assertThat(Rooms.report(ben, room, 1, "Dangerous advice").body()).contains("Thank you");
    assertThat(Rooms.report(ben, room, 1, "Again").body()).contains("already reported");
    HttpResponse<String> moderatorPage = staff.get(Rooms.path(room));
    assertThat(moderatorPage.body()).contains("Dangerous advice").contains("Hopeful Koala");
    assertThat(staff.get("/rooms/index.xhtml").body()).contains("Dangerous advice");
    assertThat(anna.get(Rooms.path(room)).body()).doesNotContain("Dangerous advice");

    long report = Database.count("select id from message_report where reason = 'Dangerous advice'");
    staff.submit(
        Rooms.path(room),
        "resolve",
        Map.of("report", String.valueOf(report), "resolution", "Removed, warned", "remove", "on"),
        "submit");
    assertThat(
            Database.count(
                "select count(*) from message_report where resolved_at is not null" + " and id = ?",
                report))
        .isEqualTo(1);
    assertThat(
            Database.count(
                "select count(*) from message where conversation_id = ?"
                    + " and deleted_at is not null and removed_by_moderator",
                conversation))
        .isEqualTo(1);
    assertThat(staff.get(Rooms.path(room)).body()).doesNotContain("Dangerous advice");
  }

  @Test
  void heldPostsAreSeenByTheirAuthorAndStaffOnlyUntilReleased() {
    long room = Rooms.create(staff, "Reviewed room", true, true);
    Rooms.join(anna, room, "Wise Beaver");
    Rooms.join(ben, room, "Warm Falcon");
    long conversation = Rooms.conversation(anna, room);

    try (SocketClient annaSocket = SocketClient.open(anna);
        SocketClient benSocket = SocketClient.open(ben)) {
      String clientId = UUID.randomUUID().toString();
      annaSocket.send(conversation, clientId, "Is it normal to feel this tired?");
      assertThat(annaSocket.next("held").getString("clientId")).isEqualTo(clientId);
      annaSocket.send(conversation, clientId, "Is it normal to feel this tired?");
      annaSocket.next("held");
      assertThat(Database.messagesIn(conversation)).isZero();
      assertThat(
              Database.count("select count(*) from held_post where client_id = ?::uuid", clientId))
          .isEqualTo(1);
      assertThat(quiet(benSocket, "message")).isTrue();
      assertThat(ben.get(Rooms.path(room)).body()).doesNotContain("feel this tired");
      assertThat(anna.get(Rooms.path(room)).body()).contains("feel this tired");
      assertThat(staff.get(Rooms.path(room)).body()).contains("feel this tired");

      long held = Database.count("select id from held_post where client_id = ?::uuid", clientId);
      staff.press(Rooms.path(room), "side", "data-held=\"" + held + "\"", "release", Map.of());
      JsonObject released = benSocket.next("message").getJsonObject("message");
      assertThat(released.getString("body")).isEqualTo("Is it normal to feel this tired?");
      assertThat(released.getString("senderName")).isEqualTo("Wise Beaver");
      assertThat(released.getInt("seq")).isEqualTo(1);

      annaSocket.send(conversation, clientId, "Is it normal to feel this tired?");
      JsonObject ack = annaSocket.next("ack");
      assertThat(ack.getBoolean("resend")).isTrue();
      assertThat(Database.messagesIn(conversation)).isEqualTo(1);
    }
  }

  @Test
  void patientsKnowEachOtherOnlyByPseudonymInPagesFramesAndPolls() {
    long room = Rooms.create(staff, "Type 1 diabetes", true, false);
    Rooms.join(anna, room, "Bright Dolphin");
    Rooms.join(ben, room, "Cheerful Panda");
    long conversation = Rooms.conversation(anna, room);
    String annaName = "Patient " + anna.username;

    try (SocketClient annaSocket = SocketClient.open(anna);
        SocketClient benSocket = SocketClient.open(ben)) {
      annaSocket.send(conversation, "My sugar was low this morning");
      annaSocket.next("ack");
      JsonObject live = benSocket.next("message");
      benSocket.sync(conversation, 0);
      JsonObject history = benSocket.next("history");

      assertThat(live.getJsonObject("message").getString("senderName")).isEqualTo("Bright Dolphin");
      // Not even the account id: it would let patients recognise each other across rooms.
      assertThat(live.getJsonObject("message").getJsonNumber("senderId").longValue())
          .isNotEqualTo(Rooms.accountId(anna.username));
      for (String seen :
          new String[] {
            live.toString(),
            history.toString(),
            ben.get(Rooms.path(room)).body(),
            ben.get("/rooms/index.xhtml").body(),
            ben.get("/api/conversations/" + conversation + "/frames?after=0").body()
          }) {
        assertThat(seen).doesNotContain(anna.username).doesNotContain(annaName);
      }
    }
    assertThat(ben.get(Rooms.path(room)).body()).contains("Bright Dolphin");
    assertThat(ben.get("/rooms/index.xhtml").body())
        .containsPattern("data-conversation=\"" + conversation + "\"[^>]*>1<");
    assertThat(staff.get(Rooms.path(room)).body()).contains("Bright Dolphin (" + annaName + ")");
  }

  @Test
  void onlyStaffPostRecommendationsAndStaffSeeWhoAcknowledgedThem() {
    long room = Rooms.create(staff, "Hypertension", true, false);
    Rooms.join(anna, room, "Patient Owl");
    Rooms.join(ben, room, "Clever Fox");
    long conversation = Rooms.conversation(anna, room);

    try (SocketClient annaSocket = SocketClient.open(anna);
        SocketClient staffSocket = SocketClient.open(staff)) {
      annaSocket.sendKind(conversation, "RECOMMENDATION", "Trust me");
      assertThat(annaSocket.next("error").getString("code")).isEqualTo("forbidden");
      staffSocket.sendKind(
          conversation, "RECOMMENDATION", "Measure your blood pressure every morning");
      assertThat(staffSocket.next("ack").getInt("seq")).isEqualTo(1);
      assertThat(annaSocket.next("message").getJsonObject("message").getString("kind"))
          .isEqualTo("RECOMMENDATION");
    }

    Rooms.onMessage(staff, room, 1, "pin");
    assertThat(anna.get(Rooms.path(room)).body()).contains("pinned-recommendation");
    anna.press(Rooms.path(room), "pins", "data-seq=\"1\"", "ack", Map.of());
    assertThat(anna.get(Rooms.path(room)).body()).contains("You have read this");

    String staffPage = staff.get(Rooms.path(room)).body();
    assertThat(staffPage).contains("Read by: Patient Owl (Patient " + anna.username + ")");
    assertThat(staffPage).contains("Not yet: Clever Fox (Patient " + ben.username + ")");
    assertThat(ben.get(Rooms.path(room)).body()).doesNotContain("Read by:");
  }

  @Test
  void typingAndPresenceReachTheOtherMembersUnderTheirPseudonymOnly() {
    long room = Rooms.create(staff, "Thyroid", true, false);
    Rooms.join(anna, room, "Gentle Hare");
    Rooms.join(ben, room, "Swift Robin");
    long conversation = Rooms.conversation(anna, room);
    long benId = Rooms.accountId(ben.username);
    assertThat(staff.get(Rooms.path(room)).body())
        .contains("data-account=\"" + benId + "\" data-online=\"false\"");

    try (SocketClient annaSocket = SocketClient.open(anna)) {
      annaSocket.sendFrame(
          Map.of("type", "presence", "conversation", conversation, "state", "online"));
      JsonObject initial = annaSocket.next("presence");
      assertThat(initial.toString())
          .contains("Swift Robin")
          .doesNotContain(ben.username)
          .doesNotContain("\"account\":" + benId + ",");
      try (SocketClient benSocket = SocketClient.open(ben)) {
        JsonObject online = annaSocket.next("presence").getJsonArray("members").getJsonObject(0);
        assertThat(online.getString("state")).isEqualTo("online");
        assertThat(online.getJsonNumber("account").longValue()).isNotEqualTo(benId);
        assertThat(staff.get(Rooms.path(room)).body())
            .contains("data-account=\"" + benId + "\" data-online=\"true\"");

        benSocket.sendFrame(Map.of("type", "typing", "conversation", conversation));
        JsonObject typing = annaSocket.next("typing");
        assertThat(typing.getString("name")).isEqualTo("Swift Robin");
        assertThat(typing.getJsonNumber("account").longValue()).isNotEqualTo(benId);
        assertThat(quiet(benSocket, "typing")).isTrue();
      }
    }
    try (SocketClient outsider = SocketClient.open(WebClient.newPatient())) {
      outsider.sendFrame(Map.of("type", "typing", "conversation", conversation));
      assertThat(outsider.next("error").getString("code")).isEqualTo("forbidden");
    }
  }

  @Test
  void badInputIsRefusedClearlyAndChangesNothing() {
    long before = Database.count("select count(*) from focus_group");
    HttpResponse<String> page =
        staff.submit(
            "/rooms/index.xhtml", "create", Map.of("name", " ", "topic", "Asthma"), "submit");
    assertThat(page.body()).contains("A room needs a name.");
    assertThat(Database.count("select count(*) from focus_group")).isEqualTo(before);

    long room = Rooms.create(staff, "Sleep", true, false);
    assertThat(Rooms.join(anna, room, anna.username).body()).contains("not your username");
    assertThat(Rooms.join(anna, room, "<b>").body()).contains("A pseudonym has 3 to 40");
    assertThat(Rooms.join(ben, room, "Staff Name?").body()).contains("A pseudonym has");
    Rooms.join(anna, room, "Night Owl");
    assertThat(Rooms.join(ben, room, "night owl").body()).contains("already goes by that");
    assertThat(anna.submit("/rooms/index.xhtml", "create", Map.of("name", "x"), "submit").body())
        .doesNotContain("Room created");
    assertThat(
            Database.count(
                "select count(*) from focus_group_member where focus_group_id = ?", room))
        .isEqualTo(2);
  }

  private static boolean quiet(SocketClient socket, String type) {
    try {
      return socket.quietFor(type, Duration.ofSeconds(1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
