package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.consultchat.attachment.control.Samples;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Run-time settings changed on the settings page take effect at once and are audited with the old
 * and the new value; retention purges what is past its period everywhere, except under a legal
 * hold, and a dry run removes nothing. Rows are aged with SQL rather than by waiting.
 */
class SettingsRetentionIT {

  private static final String RETENTION = "/admin/retention.xhtml";
  private static final String POLL = "consultchat.poll.interval.seconds";
  private static final String EDIT_WINDOW = "consultchat.edit.window.minutes";
  private static final String SECRET = "Purge me: my blood pressure is 180 over 110";

  @Test
  void aSettingChangedOnThePageAppliesAtOnceAndIsAuditedWithOldAndNewValue() {
    WebClient admin = WebClient.admin();
    WebClient patient = WebClient.newPatient();
    String before = pollInterval(patient.get("/patient/home.xhtml"));
    try {
      HttpResponse<String> saved = change(admin, POLL, "7");

      assertThat(saved.body()).contains("Polling interval is now 7 seconds.");
      assertThat(pollInterval(patient.get("/patient/home.xhtml"))).isEqualTo("7");
      assertThat(lastSettingAudit()).isEqualTo(POLL + ": " + before + " \u2192 7");

      HttpResponse<String> refused = change(admin, POLL, "1");
      assertThat(refused.body()).contains("Polling interval must be from 2 to 300 seconds, not 1.");
      assertThat(pollInterval(patient.get("/patient/home.xhtml"))).isEqualTo("7");
      assertThat(lastSettingAudit()).isEqualTo(POLL + ": " + before + " \u2192 7");
    } finally {
      reset(admin, POLL);
    }
    assertThat(pollInterval(patient.get("/patient/home.xhtml"))).isEqualTo(before);
    assertThat(lastSettingAudit()).isEqualTo(POLL + ": 7 \u2192 " + before + " (default)");
  }

  @Test
  void aShorterEditWindowRefusesAnEditAtOnceAndTheDefaultAllowsItAgain() {
    WebClient admin = WebClient.admin();
    TakenConsultation chat = TakenConsultation.create("Edit window");
    try (SocketClient patient = SocketClient.open(chat.patient())) {
      patient.send(chat.conversation(), "I take 50 mg");
      long seq = patient.next("ack").getJsonNumber("seq").longValue();
      Database.execute(
          "update message set created_at = created_at - interval '5 minutes'"
              + " where conversation_id = ? and seq = ?",
          chat.conversation(),
          seq);
      try {
        change(admin, EDIT_WINDOW, "2");

        patient.sendFrame(edit(chat.conversation(), seq, "I take 500 mg"));
        assertThat(patient.next("error").getString("code")).isNotEmpty();
      } finally {
        reset(admin, EDIT_WINDOW);
      }
      patient.sendFrame(edit(chat.conversation(), seq, "I take 500 mg"));
      assertThat(patient.next("ack").getJsonNumber("seq").longValue()).isGreaterThan(seq);
    }
  }

  @Test
  void aClosedConsultationPastItsPeriodIsPurgedEverywhereUnlessHeldAndADryRunRemovesNothing() {
    WebClient admin = WebClient.admin();
    Consultation due = Consultation.closedWithFile("Due for purge");
    Consultation held = Consultation.closedWithFile("Held for court");
    TakenConsultation open = TakenConsultation.create("Still open");
    Database.execute(
        "update consultation set closed_at = now() - interval '11 years' where id in (?, ?)",
        due.chat().id(),
        held.chat().id());
    Database.execute(
        "update consultation set requested_at = now() - interval '12 years' where id = ?",
        open.id());
    long dueMessages = Database.messagesIn(due.chat().conversation());
    assertThat(dueMessages).isGreaterThanOrEqualTo(2);

    HttpResponse<String> hold =
        admin.submit(
            RETENTION,
            "hold-consultation",
            Map.of("consultation", String.valueOf(held.chat().id()), "reason", "Case 2026-17"),
            "hold");
    assertThat(hold.body()).contains("is on legal hold");

    String dryRun = report(admin.submit(RETENTION, "purge", Map.of(), "dry-run"));
    assertThat(dryRun)
        .contains("Dry run", "Consultation " + due.chat().id() + "<")
        .doesNotContain("Consultation " + held.chat().id() + "<")
        .doesNotContain("Consultation " + open.id() + "<")
        .doesNotContain(SECRET);
    assertThat(Database.messagesIn(due.chat().conversation())).isEqualTo(dueMessages);
    assertThat(due.chat().staff().download("/api/files/" + due.file()).statusCode()).isEqualTo(200);

    HttpResponse<String> purged = admin.submit(RETENTION, "purge", Map.of(), "purge-now");
    assertThat(purged.body()).contains("Purged");

    assertThat(Database.messagesIn(due.chat().conversation())).isZero();
    assertThat(Database.count("select count(*) from attachment where id = ?", due.file())).isZero();
    assertThat(
            Database.count(
                "select count(*) from attachment_chunk where attachment_id = ?", due.file()))
        .isZero();
    assertThat(due.chat().staff().download("/api/files/" + due.file()).statusCode()).isEqualTo(404);
    String catchUp =
        due.chat()
            .patient()
            .get("/api/conversations/" + due.chat().conversation() + "/frames?after=0")
            .body();
    assertThat(catchUp)
        .doesNotContain(SECRET)
        .contains("\"purged\":[{\"from\":1,\"to\":" + dueMessages + "}]");
    HttpResponse<String> transcript =
        due.chat().patient().get("/consultation/transcript.xhtml?id=" + due.chat().id());
    assertThat(transcript.body()).doesNotContain(SECRET).doesNotContain("Due for purge");
    assertThat(
            Database.count(
                "select count(*) from audit_event where action = 'RETENTION_PURGED'"
                    + " and target_type = 'CONSULTATION' and target_id = ?"
                    + " and detail like ? and detail not like ?",
                due.chat().id(),
                "%" + dueMessages + " entries, 1 files; seqs 1-" + dueMessages,
                "%blood%"))
        .isEqualTo(1);

    assertThat(Database.messagesIn(held.chat().conversation())).isGreaterThanOrEqualTo(2);
    assertThat(held.chat().staff().download("/api/files/" + held.file()).statusCode())
        .isEqualTo(200);
    assertThat(Database.messagesIn(open.conversation())).isZero(); // nothing sent, nothing lost
    assertThat(Database.status(open.id())).isEqualTo("ACTIVE");

    HttpResponse<String> page = admin.get(RETENTION);
    Matcher release =
        Pattern.compile(
                "Consultation " + held.chat().id() + "<.*?<button id=\"([^\"]*:release)\"",
                Pattern.DOTALL)
            .matcher(page.body().substring(page.body().indexOf("Legal holds")));
    assertThat(release.find()).as("release button of the hold").isTrue();
    String form = release.group(1).substring(0, release.group(1).lastIndexOf(':'));
    admin.postForm(page, form, Map.of(release.group(1), ""));
    assertThat(
            Database.count(
                "select count(*) from audit_event where action = 'LEGAL_HOLD_RELEASED'"
                    + " and target_id = ?",
                held.chat().id()))
        .isEqualTo(1);

    admin.submit(RETENTION, "purge", Map.of(), "purge-now");
    assertThat(Database.messagesIn(held.chat().conversation())).isZero();
  }

  @Test
  void roomChatPastItsPeriodGoesExceptThePostsOfAPersonOnHold() {
    WebClient admin = WebClient.admin();
    WebClient staff = WebClient.newStaff();
    WebClient kept = WebClient.newPatient();
    WebClient gone = WebClient.newPatient();
    long room = Rooms.create(staff, WebClient.unique("Old room"), true, false);
    Rooms.join(kept, room, WebClient.unique("Kept"));
    Rooms.join(gone, room, WebClient.unique("Gone"));
    long conversation = Rooms.conversation(gone, room);
    long first;
    long last;
    try (SocketClient keptSocket = SocketClient.open(kept);
        SocketClient goneSocket = SocketClient.open(gone)) {
      goneSocket.send(conversation, SECRET);
      first = goneSocket.next("ack").getJsonNumber("seq").longValue();
      keptSocket.send(conversation, "Evidence to keep");
      keptSocket.next("ack");
      goneSocket.send(conversation, "Another old one");
      last = goneSocket.next("ack").getJsonNumber("seq").longValue();
    }
    Database.execute(
        "update message set created_at = now() - interval '2 years' where conversation_id = ?",
        conversation);
    admin.submit(
        RETENTION,
        "hold-person",
        Map.of("username", kept.username, "reason", "Complaint 44"),
        "hold");

    admin.submit(RETENTION, "purge", Map.of(), "purge-now");

    assertThat(Database.bodiesInOrder(conversation)).containsExactly("Evidence to keep");
    String catchUp = gone.get("/api/conversations/" + conversation + "/frames?after=0").body();
    assertThat(catchUp)
        .doesNotContain(SECRET)
        .contains(
            "\"purged\":[{\"from\":"
                + first
                + ",\"to\":"
                + first
                + "},{\"from\":"
                + last
                + ",\"to\":"
                + last
                + "}]");
    assertThat(
            Database.count(
                "select count(*) from audit_event where action = 'RETENTION_PURGED'"
                    + " and target_type = 'ROOM' and target_id = ? and detail like ?",
                room,
                "%2 entries, 0 files; seqs " + first + ", " + last))
        .isEqualTo(1);
    assertThat(
            Database.count(
                "select count(*) from audit_event where action = 'LEGAL_HOLD_PLACED'"
                    + " and target_id = ?",
                Rooms.accountId(kept.username)))
        .isEqualTo(1);
  }

  /** A closed consultation with messages and one file. */
  private record Consultation(TakenConsultation chat, long file) {

    static Consultation closedWithFile(String subject) {
      TakenConsultation chat = TakenConsultation.create(subject);
      try (SocketClient patient = SocketClient.open(chat.patient())) {
        patient.send(chat.conversation(), SECRET);
        patient.next("ack");
      }
      HttpResponse<String> upload =
          chat.patient()
              .upload(
                  chat.conversation(), UUID.randomUUID().toString(), "scan.pdf", "", Samples.pdf());
      Matcher id = Pattern.compile("\"file\":\\{[^}]*?\"id\":(\\d+)").matcher(upload.body());
      assertThat(id.find()).as(upload.body()).isTrue();
      chat.staff()
          .submit(chat.chatPath(), "close", Map.of("summary", "Hypertension, follow up"), "submit");
      assertThat(Database.status(chat.id())).isEqualTo("CLOSED");
      return new Consultation(chat, Long.parseLong(id.group(1)));
    }
  }

  private static HttpResponse<String> change(WebClient admin, String name, String value) {
    String field = name.equals(POLL) || name.equals(EDIT_WINDOW) ? "number" : "text";
    return AdminSettings.change(admin, name, field, value);
  }

  private static void reset(WebClient admin, String name) {
    AdminSettings.reset(admin, name);
  }

  /** The part of the retention page with the purge report, without the holds below it. */
  private static String report(HttpResponse<String> page) {
    String body = page.body();
    return body.substring(0, body.indexOf("Legal holds"));
  }

  private static String pollInterval(HttpResponse<String> page) {
    Matcher interval = Pattern.compile("data-poll-interval=\"(\\d+)\"").matcher(page.body());
    assertThat(interval.find()).isTrue();
    return interval.group(1);
  }

  private static String lastSettingAudit() {
    return Database.text(
        "select detail from audit_event where action = 'SETTING_CHANGED' order by id desc limit 1");
  }

  private static Map<String, Object> edit(long conversation, long ref, String body) {
    Map<String, Object> frame = new HashMap<>();
    frame.put("type", "edit");
    frame.put("conversation", conversation);
    frame.put("clientId", UUID.randomUUID().toString());
    frame.put("ref", ref);
    frame.put("body", body);
    return frame;
  }
}
