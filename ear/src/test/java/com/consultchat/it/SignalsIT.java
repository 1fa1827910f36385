package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Typing, presence, read receipts with both privacy switches, edits and deletions, unread counts.
 */
class SignalsIT {

  @Test
  void typingReachesTheOtherPartyOnlyAndStrangersAreRefused() throws InterruptedException {
    TakenConsultation consultation = TakenConsultation.create("Typing test");
    WebClient stranger = WebClient.newPatient();
    try (SocketClient patient = SocketClient.open(consultation.patient());
        SocketClient staff = SocketClient.open(consultation.staff());
        SocketClient outsider = SocketClient.open(stranger)) {
      patient.sendFrame(Map.of("type", "typing", "conversation", consultation.conversation()));

      JsonObject typing = staff.next("typing");
      assertThat(typing.getJsonNumber("conversation").longValue())
          .isEqualTo(consultation.conversation());
      assertThat(typing.getString("name")).isEqualTo("Patient " + consultation.patient().username);
      assertThat(typing.getJsonNumber("expiresInMillis").longValue()).isPositive();

      outsider.sendFrame(Map.of("type", "typing", "conversation", consultation.conversation()));
      assertThat(outsider.next("error").getString("code")).isEqualTo("forbidden");
      assertThat(patient.quietFor("typing", Duration.ofMillis(500))).isTrue();
    }
  }

  @Test
  void presenceShowsOnlineAwayAndOfflineWithLastSeen() {
    TakenConsultation consultation = TakenConsultation.create("Presence test");
    try (SocketClient staff = SocketClient.open(consultation.staff())) {
      staff.sendFrame(presence(consultation, "online"));
      JsonObject initial = staff.next("presence");
      assertThat(member(initial).getString("state")).isEqualTo("offline");
      assertThat(member(initial).getString("name"))
          .isEqualTo("Patient " + consultation.patient().username);

      SocketClient patient = SocketClient.open(consultation.patient());
      assertThat(member(staff.next("presence")).getString("state")).isEqualTo("online");

      patient.sendFrame(presence(consultation, "away"));
      assertThat(member(staff.next("presence")).getString("state")).isEqualTo("away");

      patient.close();
      JsonObject gone = member(staff.next("presence"));
      assertThat(gone.getString("state")).isEqualTo("offline");
      assertThat(gone.getString("lastSeen")).isNotBlank();
      Await.until(
          "last seen stored",
          Duration.ofSeconds(10),
          () ->
              Database.count(
                      "select count(*) from account where username = ? and last_seen_at is not null",
                      consultation.patient().username)
                  == 1);
    }
  }

  @Test
  void someoneWhoHidesReadReceiptsShowsDeliveredButNeverRead() {
    TakenConsultation consultation = TakenConsultation.create("Receipt privacy");
    consultation.patient().submit("/account/settings.xhtml", "receipts-form", Map.of(), "hide");
    assertThat(consultation.patient().get("/account/settings.xhtml").body())
        .contains("but not when you read them");

    try (SocketClient patient = SocketClient.open(consultation.patient());
        SocketClient patientTab = SocketClient.open(consultation.patient());
        SocketClient staff = SocketClient.open(consultation.staff())) {
      staff.send(consultation.conversation(), "How are you today?");
      long seq = staff.next("ack").getJsonNumber("seq").longValue();
      patient.next("message");

      patient.sendFrame(receipt(consultation, seq, seq));

      JsonObject seenByStaff = staff.next("receipt").getJsonObject("receipt");
      assertThat(seenByStaff.getJsonNumber("delivered").longValue()).isEqualTo(seq);
      assertThat(seenByStaff.getJsonNumber("read").longValue()).isZero();
      JsonObject ownTab = patientTab.next("receipt").getJsonObject("receipt");
      assertThat(ownTab.getJsonNumber("read").longValue()).isEqualTo(seq);

      staff.sync(consultation.conversation(), 0);
      JsonObject history = staff.next("history");
      JsonObject patientReceipt =
          history.getJsonArray("receipts").getValuesAs(JsonObject.class).stream()
              .filter(r -> r.getJsonNumber("account").longValue() == patient.me)
              .findFirst()
              .orElseThrow();
      assertThat(patientReceipt.getJsonNumber("read").longValue()).isZero();
    }
  }

  @Test
  void withReceiptsOffForTheDeploymentNobodySeesRead() {
    TakenConsultation consultation = TakenConsultation.create("Receipts off");
    Management.systemProperty("consultchat.read.receipts", "false");
    try (SocketClient patient = SocketClient.open(consultation.patient());
        SocketClient staff = SocketClient.open(consultation.staff())) {
      staff.send(consultation.conversation(), "Receipts are off here");
      long seq = staff.next("ack").getJsonNumber("seq").longValue();
      patient.sendFrame(receipt(consultation, seq, seq));

      JsonObject seen = staff.next("receipt").getJsonObject("receipt");
      assertThat(seen.getJsonNumber("delivered").longValue()).isEqualTo(seq);
      assertThat(seen.getJsonNumber("read").longValue()).isZero();
      assertThat(consultation.patient().get("/account/settings.xhtml").body())
          .contains("switched read receipts off for everyone");
    } finally {
      Management.systemProperty("consultchat.read.receipts", null);
    }
  }

  @Test
  void editsAndDeletionsShowLiveAndInCatchUpAndLeaveNoText() {
    TakenConsultation consultation = TakenConsultation.create("Edit and delete");
    try (SocketClient patient = SocketClient.open(consultation.patient());
        SocketClient staff = SocketClient.open(consultation.staff())) {
      patient.send(consultation.conversation(), "I take 50 mg");
      long seq = patient.next("ack").getJsonNumber("seq").longValue();
      staff.next("message");

      String editId = UUID.randomUUID().toString();
      patient.sendFrame(change("edit", consultation, editId, seq, "I take 500 mg"));
      assertThat(patient.next("ack").getString("clientId")).isEqualTo(editId);
      JsonObject edit = staff.next("message").getJsonObject("message");
      assertThat(edit.getString("kind")).isEqualTo("EDIT");
      assertThat(edit.getJsonNumber("ref").longValue()).isEqualTo(seq);
      assertThat(edit.getString("body")).isEqualTo("I take 500 mg");

      // A resend of the edit returns the original and changes nothing twice.
      patient.sendFrame(change("edit", consultation, editId, seq, "I take 500 mg"));
      assertThat(patient.next("ack").getBoolean("resend")).isTrue();

      staff.sync(consultation.conversation(), 0);
      List<JsonObject> history =
          staff.next("history").getJsonArray("messages").getValuesAs(JsonObject.class);
      assertThat(history).hasSize(2);
      assertThat(history.get(0).getString("body")).isEqualTo("I take 500 mg");
      assertThat(history.get(0).getString("editedAt")).isNotBlank();

      patient.sendFrame(change("delete", consultation, UUID.randomUUID().toString(), seq, null));
      JsonObject deletion = staff.next("message").getJsonObject("message");
      assertThat(deletion.getString("kind")).isEqualTo("DELETE");
      staff.sync(consultation.conversation(), 0);
      List<JsonObject> after =
          staff.next("history").getJsonArray("messages").getValuesAs(JsonObject.class);
      assertThat(after.get(0).getString("body")).isEmpty();
      assertThat(after.get(0).getString("deletedAt")).isNotBlank();
      assertThat(after.get(1).getString("body")).isEmpty();
      assertThat(
              Database.count(
                  "select count(*) from message where conversation_id = ? and body like '%500 mg%'",
                  consultation.conversation()))
          .isZero();
    }
  }

  @Test
  void onlyOwnRecentMessagesCanBeChangedAndRefusalsChangeNothing() {
    TakenConsultation consultation = TakenConsultation.create("Edit refusals");
    try (SocketClient patient = SocketClient.open(consultation.patient());
        SocketClient staff = SocketClient.open(consultation.staff())) {
      staff.send(consultation.conversation(), "Take it twice a day");
      long staffSeq = staff.next("ack").getJsonNumber("seq").longValue();
      patient.send(consultation.conversation(), "Old message");
      long patientSeq = patient.next("ack").getJsonNumber("seq").longValue();

      patient.sendFrame(change("edit", consultation, UUID.randomUUID().toString(), staffSeq, "x"));
      assertThat(patient.next("error").getString("message")).contains("Only your own");

      patient.sendFrame(change("edit", consultation, UUID.randomUUID().toString(), 999, "x"));
      assertThat(patient.next("error").getString("code")).isEqualTo("not-found");

      Database.execute(
          "update message set created_at = created_at - interval '20 minutes'"
              + " where conversation_id = ? and seq = ?",
          consultation.conversation(),
          patientSeq);
      patient.sendFrame(
          change("delete", consultation, UUID.randomUUID().toString(), patientSeq, null));
      assertThat(patient.next("error").getString("message")).contains("within 15 minutes");

      assertThat(Database.messagesIn(consultation.conversation())).isEqualTo(2);
      assertThat(
              Database.count(
                  "select count(*) from message where conversation_id = ? and edited_at is null"
                      + " and deleted_at is null",
                  consultation.conversation()))
          .isEqualTo(2);
    }
  }

  @Test
  void unreadCountsShowInListsAndClearOnceRead() {
    TakenConsultation consultation = TakenConsultation.create("Unread test");
    try (SocketClient staff = SocketClient.open(consultation.staff())) {
      staff.send(consultation.conversation(), "First");
      staff.next("ack");
      staff.send(consultation.conversation(), "Second");
      long seq = staff.next("ack").getJsonNumber("seq").longValue();

      String unread = "class=\"unread\" data-conversation=\"" + consultation.conversation() + "\"";
      assertThat(consultation.patient().get("/patient/home.xhtml").body())
          .containsPattern(
              java.util.regex.Pattern.quote(unread) + "\\s+title=\"Unread messages\">2<");

      try (SocketClient patient = SocketClient.open(consultation.patient())) {
        patient.sendFrame(receipt(consultation, seq, seq));
        staff.next("receipt");
      }
      assertThat(consultation.patient().get("/patient/home.xhtml").body())
          .containsPattern(
              java.util.regex.Pattern.quote(unread) + "\\s+title=\"Unread messages\"><");
    }
  }

  private static Map<String, Object> presence(TakenConsultation consultation, String state) {
    return Map.of("type", "presence", "conversation", consultation.conversation(), "state", state);
  }

  private static Map<String, Object> receipt(
      TakenConsultation consultation, long delivered, long read) {
    return Map.of(
        "type",
        "receipt",
        "conversation",
        consultation.conversation(),
        "delivered",
        delivered,
        "read",
        read);
  }

  private static Map<String, Object> change(
      String type, TakenConsultation consultation, String clientId, long ref, String body) {
    var frame = new java.util.HashMap<String, Object>();
    frame.put("type", type);
    frame.put("conversation", consultation.conversation());
    frame.put("clientId", clientId);
    frame.put("ref", ref);
    if (body != null) {
      frame.put("body", body);
    }
    return frame;
  }

  private static JsonObject member(JsonObject presence) {
    return presence.getJsonArray("members").getJsonObject(0);
  }
}
