package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The audit log records each event where it happens, shows it in words, narrows by person, object,
 * action and days, and exports what it shows as CSV (an export it records too).
 */
class AuditLogIT {

  private final WebClient admin = WebClient.admin();

  @Test
  void aConsultationsWholeLifeIsRecordedAndFoundByItsId() {
    TakenConsultation taken = TakenConsultation.create(WebClient.unique("Itchy eyes"));
    WebClient next = WebClient.newStaff();
    taken.patient().get(taken.chatPath());
    taken
        .staff()
        .submit(
            taken.chatPath(),
            "transfer",
            Map.of("target", taken.transferOption(next), "note", "Allergy season."),
            "submit");
    next.submit(taken.chatPath(), "accept", Map.of(), "submit");
    next.submit(taken.chatPath(), "close", Map.of("summary", "Hay fever."), "submit");

    assertThat(actions("CONSULTATION", taken.id(), taken.patient().username))
        .contains("CONSULTATION_REQUESTED", "CONSULTATION_OPENED");
    assertThat(actions("CONSULTATION", taken.id(), taken.staff().username))
        .contains("CONSULTATION_TAKEN", "CONSULTATION_TRANSFERRED");
    assertThat(actions("CONSULTATION", taken.id(), next.username)).contains("CONSULTATION_CLOSED");
    assertThat(
            Database.strings(
                "select detail from audit_event where action = 'CONSULTATION_TRANSFERRED'"
                    + " and target_id = ?",
                taken.id()))
        .singleElement()
        .asString()
        .matches("from account \\d+ to account \\d+")
        .doesNotContain("Allergy");

    HttpResponse<String> log = admin.get("/admin/audit.xhtml?object=CONSULTATION&id=" + taken.id());
    assertThat(log.statusCode()).isEqualTo(200);
    assertThat(log.body())
        .contains(
            "Asked for a consultation",
            "Took a consultation",
            "Transferred a consultation",
            "Closed a consultation",
            "Consultation " + taken.id())
        .doesNotContain("Hay fever", "Allergy season", "Itchy eyes");
    assertThat(shownTotal(log))
        .isEqualTo(
            Database.count(
                "select count(*) from audit_event where target_type = 'CONSULTATION'"
                    + " and target_id = ?",
                taken.id()));
  }

  @Test
  void logoutsAndAutomaticLogoffsAreRecordedWithTheAddress() throws Exception {
    WebClient leaving = WebClient.newPatient();
    leaving.logout();
    WebClient idle = WebClient.newPatient();
    HttpResponse<String> logoff =
        idle.http.send(
            HttpRequest.newBuilder(URI.create(idle.base + "/api/session/logoff"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(logoff.statusCode()).isEqualTo(204);

    assertThat(recorded(leaving.username, "LOGGED_OUT")).isEqualTo(1);
    assertThat(recorded(idle.username, "LOGGED_OFF_IDLE")).isEqualTo(1);
    assertThat(recorded(idle.username, "LOGGED_OUT")).isZero();
    assertThat(
            Database.count(
                "select count(*) from audit_event where actor_username in (?, ?)"
                    + " and action in ('LOGGED_OUT', 'LOGGED_OFF_IDLE')"
                    + " and client_address is not null and target_type = 'ACCOUNT'",
                leaving.username,
                idle.username))
        .isEqualTo(2);

    HttpResponse<String> log =
        admin.get("/admin/audit.xhtml?action=LOGGED_OFF_IDLE&actor=" + idle.username.toUpperCase());
    assertThat(shownTotal(log)).isEqualTo(1);
    assertThat(log.body()).contains("Logged off automatically after inactivity");
  }

  @Test
  void moderationInRoomsIsRecordedWithIdsOnly() {
    WebClient staff = WebClient.newStaff();
    WebClient anna = WebClient.newPatient();
    WebClient ben = WebClient.newPatient();
    long room = Rooms.create(staff, "Audited room", true, true);
    Rooms.join(anna, room, "Calm Otter");
    Rooms.join(ben, room, "Bold Lynx");
    long conversation = Rooms.conversation(anna, room);
    try (SocketClient annaSocket = SocketClient.open(anna)) {
      annaSocket.send(conversation, UUID.randomUUID().toString(), "Held for review, first");
      annaSocket.next("held");
      annaSocket.send(conversation, UUID.randomUUID().toString(), "Held for review, second");
      annaSocket.next("held");
    }
    List<String> held =
        Database.strings(
            "select id::text from held_post where sender_id = ? order by id",
            Rooms.accountId(anna.username));
    staff.press(Rooms.path(room), "side", "data-held=\"" + held.get(0) + "\"", "release", Map.of());
    staff.press(Rooms.path(room), "side", "data-held=\"" + held.get(1) + "\"", "reject", Map.of());
    Rooms.onMessage(staff, room, 1, "remove");
    long annaId = Rooms.accountId(anna.username);
    Rooms.onMember(staff, room, annaId, "mute", Map.of("minutes", "15"));
    Rooms.onMember(staff, room, annaId, "unmute", Map.of());
    Rooms.onMember(staff, room, annaId, "remove", Map.of());
    Rooms.onMember(staff, room, Rooms.accountId(ben.username), "ban", Map.of());

    assertThat(actions("ROOM", room, staff.username))
        .contains(
            "ROOM_POST_RELEASED",
            "ROOM_POST_REJECTED",
            "ROOM_MESSAGE_REMOVED",
            "ROOM_MEMBER_MUTED",
            "ROOM_MEMBER_UNMUTED",
            "ROOM_MEMBER_REMOVED",
            "ROOM_MEMBER_BANNED");
    assertThat(
            Database.strings(
                "select coalesce(detail, '') from audit_event where target_type = 'ROOM'"
                    + " and target_id = ?",
                room))
        .noneMatch(detail -> detail.contains("Held for review"));
    assertThat(admin.get("/admin/audit.xhtml?object=ROOM&id=" + room).body())
        .contains("Muted a room member", "Banned a room member", "Released a held post");
  }

  @Test
  void filtersByDaysAndRefusesWhatTheyCannotRead() {
    WebClient patient = WebClient.newPatient();
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
    assertThat(shownTotal(admin.get(log(patient, "&from=" + today + "&to=" + today))))
        .isEqualTo(recorded(patient.username, "LOGIN_SUCCEEDED"))
        .isPositive();
    assertThat(shownTotal(admin.get(log(patient, "&from=" + tomorrow)))).isZero();

    HttpResponse<String> bad = admin.get("/admin/audit.xhtml?id=abc");
    assertThat(bad.statusCode()).isEqualTo(200);
    assertThat(bad.body()).contains("id is a number.");
    assertThat(shownTotal(bad)).isZero();
  }

  @Test
  void theCsvExportHoldsWhatTheFilterMatchesDefusesFormulasAndIsAudited() throws Exception {
    long target = 900_000_000L + (System.nanoTime() % 1_000_000);
    for (String detail : new String[] {"=HYPERLINK(\"http://evil\")", "plain, with \"quotes\""}) {
      // Written as the owner, as any writer: the database chains it like the others.
      Database.execute(
          "insert into audit_event (id, occurred_at, actor_id, actor_username, actor_role,"
              + " admin_access, action, target_type, target_id, detail)"
              + " values (nextval('audit_event_seq'), now(), 1, 'admin', 'ADMIN', true,"
              + " 'FILE_DOWNLOADED', 'FILE', ?, ?)",
          target,
          detail);
    }
    HttpResponse<byte[]> csv =
        admin.download(
            "/api/audit/export.csv?object=FILE&id=" + target + "&action=FILE_DOWNLOADED");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/csv"));
    assertThat(csv.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(value -> assertThat(value).contains("attachment"));
    String body = new String(csv.body(), StandardCharsets.UTF_8);
    List<String> lines = body.lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("id,time (UTC),username,role,administrator access,action");
    assertThat(body)
        .contains(",Downloaded a file,FILE_DOWNLOADED,FILE," + target + ",")
        .contains(",\"'=HYPERLINK(\"\"http://evil\"\")\",")
        .contains(",\"plain, with \"\"quotes\"\"\",");

    assertThat(
            Database.count(
                "select count(*) from audit_event where action = 'AUDIT_LOG_EXPORTED'"
                    + " and actor_username = 'admin' and detail like ?",
                "%object=FILE#" + target + " action=FILE_DOWNLOADED%rows=2"))
        .isEqualTo(1);
    assertThat(WebClient.newPatient().download("/api/audit/export.csv").statusCode())
        .isEqualTo(403);
  }

  private static String log(WebClient person, String more) {
    return "/admin/audit.xhtml?actor=" + person.username + "&action=LOGIN_SUCCEEDED" + more;
  }

  private static List<String> actions(String type, long id, String actor) {
    return Database.strings(
        "select action from audit_event where target_type = ? and target_id = ?"
            + " and actor_username = ? order by chain_seq",
        type,
        id,
        actor);
  }

  private static long recorded(String username, String action) {
    return Database.count(
        "select count(*) from audit_event where actor_username = ? and action = ?",
        username,
        action);
  }

  private static long shownTotal(HttpResponse<String> page) {
    Matcher count = Pattern.compile("id=\"audit-count\">(\\d+)<").matcher(page.body());
    assertThat(count.find()).as("the log's count on the page").isTrue();
    return Long.parseLong(count.group(1));
  }
}
