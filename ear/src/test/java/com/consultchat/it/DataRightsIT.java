package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.consultchat.attachment.control.Samples;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * A person's data rights through the edges: the export's contents, and erasure asked and decided.
 */
class DataRightsIT {

  private static final String PASSWORD = "a long enough password";

  @Test
  void theExportHoldsTheirAccountConsultationsOwnPostsFilesAndWhoLookedAtThem() throws Exception {
    TakenConsultation chat = TakenConsultation.create(WebClient.unique("Knee pain"));
    WebClient other = WebClient.newPatient();
    long file;
    try (SocketClient socket = SocketClient.open(chat.patient())) {
      socket.send(chat.conversation(), "It hurts when I climb stairs");
      socket.next("ack");
    }
    file =
        json(chat.patient()
                .upload(
                    chat.conversation(),
                    UUID.randomUUID().toString(),
                    "MRI report.pdf",
                    "",
                    Samples.pdf())
                .body())
            .asJsonObject()
            .getJsonObject("message")
            .getJsonObject("file")
            .getJsonNumber("id")
            .longValue();
    assertThat(chat.staff().download("/api/files/" + file).statusCode()).isEqualTo(200);
    assertThat(chat.staff().get("/consultation/transcript.xhtml?id=" + chat.id()).statusCode())
        .isEqualTo(200);
    long room = Rooms.create(chat.staff(), WebClient.unique("Knees"), true, false);
    Rooms.join(chat.patient(), room, "Quiet Owl");
    Rooms.join(other, room, "Bold Fox");
    long roomConversation = Rooms.conversation(other, room);
    try (SocketClient mine = SocketClient.open(chat.patient());
        SocketClient theirs = SocketClient.open(other)) {
      mine.send(roomConversation, "Physio helped me a lot");
      mine.next("ack");
      theirs.send(roomConversation, "Someone else's private worry");
      theirs.next("ack");
    }

    HttpResponse<byte[]> download = chat.patient().download("/api/data-export?zone=Europe/Berlin");

    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.headers().firstValue("Content-Type")).hasValue("application/zip");
    assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment; filename=\"consultchat-data-");
    Map<String, byte[]> zip = unzip(download.body());
    JsonObject account = json(text(zip, "account.json")).asJsonObject();
    assertThat(account.getString("username")).isEqualTo(chat.patient().username);
    assertThat(text(zip, "account.json"))
        .doesNotContainIgnoringCase("hash")
        .doesNotContain("secret");
    String base = "consultations/consultation-" + chat.id();
    JsonObject consultation = json(text(zip, base + ".json")).asJsonObject();
    assertThat(consultation.getJsonArray("messages").toString())
        .contains("It hurts when I climb stairs");
    assertThat(new String(zip.get(base + ".pdf"), 0, 5, StandardCharsets.ISO_8859_1))
        .isEqualTo("%PDF-");
    JsonArray posts = json(text(zip, "room-posts.json")).asJsonArray();
    assertThat(posts).hasSize(1);
    assertThat(posts.getJsonObject(0).getString("text")).isEqualTo("Physio helped me a lot");
    assertThat(posts.getJsonObject(0).getString("pseudonym")).isEqualTo("Quiet Owl");
    assertThat(posts.getJsonObject(0).getString("roomName")).startsWith("Knees");
    assertThat(new String(download.body(), StandardCharsets.ISO_8859_1))
        .doesNotContain("Someone else's private worry");
    zip.forEach(
        (name, bytes) ->
            assertThat(new String(bytes, StandardCharsets.UTF_8))
                .as(name)
                .doesNotContain("Someone else's private worry")
                .doesNotContain("Bold Fox"));
    JsonArray files = json(text(zip, "files.json")).asJsonArray();
    assertThat(files).hasSize(1);
    byte[] stored = zip.get(files.getJsonObject(0).getString("path"));
    assertThat(sha256(stored)).isEqualTo(sha256(Samples.pdf()));
    JsonArray trail = json(text(zip, "access-log.json")).asJsonArray();
    assertThat(trail.toString())
        .contains("Dr. " + chat.staff().username)
        .contains("downloaded the file")
        .contains("viewed the transcript");
    assertThat(
            Database.count(
                "select count(*) from audit_event where action = 'DATA_EXPORTED'"
                    + " and target_id = ? and not admin_access",
                chat.patient().accountId()))
        .isEqualTo(1);
  }

  @Test
  void onlyThePersonAndAnAdministratorGetTheExport() throws Exception {
    WebClient patient = WebClient.newPatient();
    WebClient stranger = WebClient.newPatient();
    WebClient staff = WebClient.newStaff();
    long id = patient.accountId();

    for (WebClient other : new WebClient[] {stranger, staff}) {
      HttpResponse<byte[]> refused = other.download("/api/data-export?person=" + id);
      assertThat(refused.statusCode()).isEqualTo(404);
      assertThat(new String(refused.body(), StandardCharsets.UTF_8))
          .doesNotContain(patient.username);
    }
    HttpResponse<byte[]> anonymous =
        new WebClient("nobody").download("/api/data-export?person=" + id);
    assertThat(new String(anonymous.body(), StandardCharsets.UTF_8))
        .doesNotContain(patient.username);

    HttpResponse<byte[]> forAdmin = WebClient.admin().download("/api/data-export?person=" + id);
    assertThat(forAdmin.statusCode()).isEqualTo(200);
    assertThat(
            json(text(unzip(forAdmin.body()), "account.json")).asJsonObject().getString("username"))
        .isEqualTo(patient.username);
    assertThat(
            Database.count(
                "select count(*) from audit_event where action = 'DATA_EXPORTED'"
                    + " and target_id = ? and admin_access",
                id))
        .isEqualTo(1);
  }

  @Test
  void anErasureRemovesRoomPostsAndTheLoginAndClosesButKeepsTheConsultations() throws Exception {
    TakenConsultation chat = TakenConsultation.create(WebClient.unique("Migraine"));
    WebClient patient = chat.patient();
    WebClient member = WebClient.newPatient();
    long id = patient.accountId();
    long room = Rooms.create(chat.staff(), WebClient.unique("Headaches"), true, false);
    Rooms.join(patient, room, "Calm Heron");
    Rooms.join(member, room, "Bright Finch");
    long roomConversation = Rooms.conversation(member, room);
    long roomFile;
    try (SocketClient socket = SocketClient.open(patient)) {
      socket.send(chat.conversation(), "The aura comes before the pain");
      socket.next("ack");
      socket.send(roomConversation, "Dark rooms help me");
      socket.next("ack");
    }
    roomFile =
        json(patient
                .upload(
                    roomConversation, UUID.randomUUID().toString(), "diary.pdf", "", Samples.pdf())
                .body())
            .asJsonObject()
            .getJsonObject("message")
            .getJsonObject("file")
            .getJsonNumber("id")
            .longValue();

    long waiting = patient.requestConsultation(WebClient.unique("Dizziness"));
    String waitingRow = "data-consultation=\"" + waiting + "\"";
    assertThat(chat.staff().get("/staff/queue.xhtml").body()).contains(waitingRow);
    HttpResponse<String> asked =
        patient.submit("/account/data.xhtml", "erase", Map.of("understood_input", "on"), "submit");
    assertThat(asked.body()).contains("Waiting for an administrator");
    long request = Database.count("select id from erasure_request where account_id = ?", id);

    WebClient admin = WebClient.admin();
    try (SocketClient watching = SocketClient.open(member)) {
      HttpResponse<String> done =
          admin.press(
              "/admin/erasure.xhtml",
              "erasures",
              "data-request=\"" + request + "\"",
              "carryOut",
              Map.of());
      assertThat(done.body()).contains("Former patient #" + id);
      JsonObject removal = watching.next("message").getJsonObject("message");
      assertThat(removal.getString("kind")).isEqualTo("DELETE");
      assertThat(removal.getBoolean("removedByModerator")).isTrue();
    }

    assertThat(new WebClient(patient.username).login(patient.username, PASSWORD).uri().getPath())
        .endsWith("/login.xhtml");
    assertThat(Database.count("select count(*) from account where username = ?", patient.username))
        .isZero();
    assertThat(
            Database.count(
                "select count(*) from account where id = ? and status = 'ERASED'"
                    + " and display_name = ?",
                id,
                "Former patient #" + id))
        .isEqualTo(1);
    String catchUp =
        member.get("/api/conversations/" + roomConversation + "/frames?after=0").body();
    assertThat(catchUp).doesNotContain("Dark rooms help me").doesNotContain("diary.pdf");
    assertThat(
            Database.count(
                "select count(*) from message where conversation_id = ? and sender_id = ?"
                    + " and deleted_at is null",
                roomConversation,
                id))
        .isZero();
    assertThat(member.download("/api/files/" + roomFile).statusCode()).isEqualTo(404);
    assertThat(
            Database.count(
                "select count(*) from focus_group_member where account_id = ? and status = 'ACTIVE'",
                id))
        .isZero();
    // Nobody is left to answer: the request leaves the queue and the taken one closes, saying why.
    assertThat(chat.staff().get("/staff/queue.xhtml").body()).doesNotContain(waitingRow);
    assertThat(
            Database.count(
                "select count(*) from consultation where patient_id = ? and status = 'CLOSED'"
                    + " and summary like 'Closed without an answer%'",
                id))
        .isEqualTo(2);
    assertThat(chat.staff().get(chat.chatPath()).body()).contains("Closed without an answer");
    String transcript = chat.staff().get("/consultation/transcript.xhtml?id=" + chat.id()).body();
    assertThat(transcript)
        .contains("The aura comes before the pain")
        .contains("Former patient #" + id)
        .doesNotContain("Patient " + patient.username);
    assertThat(
            Database.count(
                "select count(*) from audit_event where target_id = ? and action in"
                    + " ('ERASURE_REQUESTED', 'ERASURE_CARRIED_OUT')",
                id))
        .isEqualTo(2);
    assertThat(
            Database.count(
                "select count(*) from audit_event where detail like '%Dark rooms%'"
                    + " or detail like '%aura%'"))
        .isZero();
  }

  @Test
  void aDeclinedRequestTellsThePersonWhyAndChangesNothingElse() {
    WebClient patient = WebClient.newPatient();
    patient.submit("/account/data.xhtml", "erase", Map.of("understood_input", "on"), "submit");
    long request =
        Database.count("select id from erasure_request where account_id = ?", patient.accountId());
    WebClient admin = WebClient.admin();
    String reason = "Your invoice dispute is open; ask again once it is settled.";

    HttpResponse<String> page = admin.get("/admin/erasure.xhtml");
    Matcher row =
        Pattern.compile(
                "data-request=\"" + request + "\".*?id=\"(erasures:rows:\\d+):decline\"",
                Pattern.DOTALL)
            .matcher(page.body());
    assertThat(row.find()).isTrue();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(row.group(1) + ":reason", reason);
    fields.put(row.group(1) + ":decline", "");
    admin.postForm(page, "erasures", fields);

    String mine = patient.get("/account/data.xhtml").body();
    assertThat(mine).contains("Declined").contains("Your invoice dispute is open");
    assertThat(patient.logout().statusCode()).isEqualTo(200);
    assertThat(patient.login(patient.username, PASSWORD).uri().getPath())
        .endsWith("/patient/home.xhtml");
    assertThat(
            Database.count(
                "select count(*) from audit_event where target_id = ? and action = 'ERASURE_DECLINED'"
                    + " and detail not like '%invoice%'",
                patient.accountId()))
        .isEqualTo(1);
  }

  @Test
  void anUnconfirmedRequestIsRefusedAndNothingIsStored() {
    WebClient patient = WebClient.newPatient();
    HttpResponse<String> page = patient.submit("/account/data.xhtml", "erase", Map.of(), "submit");
    assertThat(page.body()).contains("Please tick the box");
    assertThat(
            Database.count(
                "select count(*) from erasure_request where account_id = ?", patient.accountId()))
        .isZero();
  }

  private static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        entries.put(entry.getName(), in.readAllBytes());
      }
    }
    return entries;
  }

  private static String text(Map<String, byte[]> zip, String name) {
    assertThat(zip).containsKey(name);
    return new String(zip.get(name), StandardCharsets.UTF_8);
  }

  private static JsonStructure json(String text) {
    return Json.createReader(new StringReader(text)).read();
  }

  private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
