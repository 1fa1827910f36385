package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.consultchat.attachment.control.Samples;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A file as a clinical document: its kind, chosen when sent and changed afterwards, and a
 * specialist's verification, given and withdrawn; who may do which, what reaches the members and
 * what the audit trail keeps.
 */
class ClinicalFileIT {

  @Test
  void theKindIsChosenWhenSendingOrFollowsTheDetectedType() {
    TakenConsultation chat = TakenConsultation.create("Kinds");

    JsonObject chosen =
        file(chat.patient().uploadAs(chat.conversation(), id(), "sick.pdf", "CERTIFICATE", pdf()));
    JsonObject detectedPdf =
        file(chat.patient().upload(chat.conversation(), id(), "a.pdf", "", pdf()));
    JsonObject detectedPhoto =
        file(chat.patient().upload(chat.conversation(), id(), "a.jpg", "", Samples.jpeg(20, 20)));
    JsonObject detectedAudio =
        file(chat.patient().upload(chat.conversation(), id(), "a.mp3", "", Samples.mp3()));

    assertThat(chosen.getString("kind")).isEqualTo("CERTIFICATE");
    assertThat(detectedPdf.getString("kind")).isEqualTo("OTHER");
    assertThat(detectedPhoto.getString("kind")).isEqualTo("IMAGE");
    assertThat(detectedAudio.getString("kind")).isEqualTo("AUDIO");
    assertThat(chosen.containsKey("verifiedAt")).isFalse(); // JSON-B leaves nulls out

    HttpResponse<String> unknownKind =
        chat.patient().uploadAs(chat.conversation(), id(), "x.pdf", "HOROSCOPE", pdf());
    assertThat(unknownKind.statusCode()).isEqualTo(400);
    assertThat(json(unknownKind).getString("message"))
        .startsWith("A file is one of: certificate, lab result, prescription");
    assertThat(Database.messagesIn(chat.conversation())).isEqualTo(4);
  }

  @Test
  void aVerificationReachesEveryMemberLiveInCatchUpAndOverPolling() {
    TakenConsultation chat = TakenConsultation.create("Verification");
    JsonObject sent = json(chat.patient().upload(chat.conversation(), id(), "lab.pdf", "", pdf()));
    long fileId =
        sent.getJsonObject("message").getJsonObject("file").getJsonNumber("id").longValue();
    long fileSeq = sent.getInt("seq");

    try (SocketClient patient = SocketClient.open(chat.patient())) {
      String clientId = id();
      HttpResponse<String> kind = change(chat.staff(), fileId, "kind", clientId, "LAB_RESULT");
      assertThat(kind.statusCode()).as(kind.body()).isEqualTo(200);
      JsonObject kindLive = patient.next("message").getJsonObject("message");
      assertThat(kindLive.getString("kind")).isEqualTo("FILE_UPDATE");
      assertThat(kindLive.getInt("ref")).isEqualTo(fileSeq);
      assertThat(kindLive.getJsonObject("file").getString("kind")).isEqualTo("LAB_RESULT");

      HttpResponse<String> verified = change(chat.staff(), fileId, "verification", id(), null);
      assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
      JsonObject live = patient.next("message").getJsonObject("message").getJsonObject("file");
      assertThat(live.getString("verifiedBy")).isEqualTo("Dr. " + chat.staff().username);
      assertThat(live.getString("verifiedAt")).isNotBlank();
      assertThat(live.containsKey("name")).isFalse(); // the name stays with the file entry

      // A resend of the same change changes nothing twice.
      HttpResponse<String> again = change(chat.staff(), fileId, "kind", clientId, "LAB_RESULT");
      assertThat(json(again).getBoolean("resend")).isTrue();
    }

    // Catch-up: the file entry stands as changed, followed by its two updates.
    String poll =
        chat.patient().get("/api/conversations/" + chat.conversation() + "/frames?after=0").body();
    assertThat(poll.split("\"kind\":\"FILE_UPDATE\"", -1)).hasSize(3);
    assertThat(poll).contains("\"verifiedBy\":\"Dr. " + chat.staff().username + "\"");
    assertThat(audits(fileId, "FILE_KIND_CHANGED")).isEqualTo(1);
    assertThat(audits(fileId, "FILE_VERIFIED")).isEqualTo(1);
  }

  @Test
  void onlyStaffMembersVerifyAndStrangersAndUnknownIdsMeetTheSameRefusal() {
    TakenConsultation chat = TakenConsultation.create("Who verifies");
    TakenConsultation other = TakenConsultation.create("Another one");
    long fileId = fileId(chat.patient().upload(chat.conversation(), id(), "x.pdf", "", pdf()));
    long othersFile =
        fileId(other.patient().upload(other.conversation(), id(), "y.pdf", "", pdf()));
    WebClient colleague = WebClient.newStaff();
    long entries = Database.messagesIn(chat.conversation());

    HttpResponse<String> patientVerifies =
        change(chat.patient(), fileId, "verification", id(), null);
    assertThat(patientVerifies.statusCode()).isEqualTo(403);
    assertThat(json(patientVerifies).getString("message"))
        .isEqualTo("Only a specialist can mark a document as verified.");

    HttpResponse<String> unknown =
        change(chat.staff(), fileId + 1_000_000, "verification", id(), null);
    HttpResponse<String> nonMember = change(colleague, fileId, "verification", id(), null);
    HttpResponse<String> otherConversation =
        change(chat.staff(), othersFile, "verification", id(), null);
    HttpResponse<String> strangerKind = change(other.patient(), fileId, "kind", id(), "REFERRAL");
    for (HttpResponse<String> refused :
        List.of(unknown, nonMember, otherConversation, strangerKind)) {
      assertThat(refused.statusCode()).isEqualTo(404);
      assertThat(refused.body()).isEqualTo(unknown.body());
    }

    // The patient may relabel their own file; a patient may not relabel the specialist's.
    assertThat(change(chat.patient(), fileId, "kind", id(), "REFERRAL").statusCode())
        .isEqualTo(200);
    long staffFile = fileId(chat.staff().upload(chat.conversation(), id(), "rx.pdf", "", pdf()));
    HttpResponse<String> patientRelabels = change(chat.patient(), staffFile, "kind", id(), "OTHER");
    assertThat(patientRelabels.statusCode()).isEqualTo(403);

    assertThat(Database.messagesIn(chat.conversation())).isEqualTo(entries + 2);
    assertThat(Database.messagesIn(other.conversation())).isEqualTo(1);
    assertThat(audits(fileId, "FILE_VERIFIED")).isZero();
    assertThat(audits(othersFile, "FILE_VERIFIED")).isZero();
  }

  @Test
  void aVerificationIsWithdrawnByWhoeverGaveItOrAnAdministratorOnly() {
    TakenConsultation chat = TakenConsultation.create("Withdrawing");
    long fileId = fileId(chat.patient().upload(chat.conversation(), id(), "x.pdf", "", pdf()));
    assertThat(change(chat.staff(), fileId, "verification", id(), null).statusCode())
        .isEqualTo(200);
    assertThat(change(chat.staff(), fileId, "verification", id(), null).statusCode())
        .isEqualTo(409);

    HttpResponse<String> byPatient =
        change(chat.patient(), fileId, "verification/revoke", id(), null);
    assertThat(byPatient.statusCode()).isEqualTo(403);
    HttpResponse<String> byOutsider =
        change(WebClient.newStaff(), fileId, "verification/revoke", id(), null);
    assertThat(byOutsider.statusCode()).isEqualTo(404);

    assertThat(change(chat.staff(), fileId, "verification/revoke", id(), null).statusCode())
        .isEqualTo(200);
    assertThat(change(chat.staff(), fileId, "verification/revoke", id(), null).statusCode())
        .isEqualTo(409);

    // Verified again, then withdrawn by an administrator, who is no member: audited as such.
    assertThat(change(chat.staff(), fileId, "verification", id(), null).statusCode())
        .isEqualTo(200);
    HttpResponse<String> byAdmin =
        change(WebClient.admin(), fileId, "verification/revoke", id(), null);
    assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(200);
    assertThat(
            json(byAdmin).getJsonObject("message").getJsonObject("file").containsKey("verifiedAt"))
        .isFalse();

    assertThat(audits(fileId, "FILE_VERIFIED")).isEqualTo(2);
    assertThat(audits(fileId, "FILE_VERIFICATION_REVOKED")).isEqualTo(2);
    assertThat(
            Database.count(
                "select count(*) from audit_event where target_type = 'FILE' and target_id = ?"
                    + " and action = 'FILE_VERIFICATION_REVOKED' and admin_access"
                    + " and actor_username = 'admin'",
                fileId))
        .isEqualTo(1);
  }

  @Test
  void theTranscriptAndItsPdfListKindVerificationAndChecksumAndShowThePhoto() throws Exception {
    TakenConsultation chat = TakenConsultation.create("Transcript of documents");
    long lab =
        fileId(chat.patient().uploadAs(chat.conversation(), id(), "lab.pdf", "LAB_RESULT", pdf()));
    chat.patient().upload(chat.conversation(), id(), "rash.jpg", "", Samples.jpeg(200, 150));
    assertThat(change(chat.staff(), lab, "verification", id(), null).statusCode()).isEqualTo(200);
    String sha256 =
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf()));
    String staffName = "Dr. " + chat.staff().username;

    String page = chat.patient().get("/consultation/transcript.xhtml?id=" + chat.id()).body();
    assertThat(page)
        .contains(sha256)
        .containsPattern("Kind: Lab result ·\\s+verified by " + staffName)
        .containsPattern("Kind: Image ·\\s+not verified");

    HttpResponse<byte[]> pdf =
        chat.patient().download("/api/transcripts/" + chat.id() + ".pdf?zone=UTC");
    assertThat(pdf.statusCode()).isEqualTo(200);
    try (org.apache.pdfbox.pdmodel.PDDocument document =
        org.apache.pdfbox.Loader.loadPDF(pdf.body())) {
      String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
      assertThat(text.replaceAll("\\s+", " "))
          .contains("Kind: Lab result · verified by " + staffName)
          .contains("Kind: Image · not verified")
          .contains(sha256.substring(0, 20));
      long pictures = 0;
      for (org.apache.pdfbox.pdmodel.PDPage page1 : document.getPages()) {
        for (org.apache.pdfbox.cos.COSName name : page1.getResources().getXObjectNames()) {
          if (page1.getResources().isImageXObject(name)) {
            pictures++;
          }
        }
      }
      assertThat(pictures).isEqualTo(1);
    }
  }

  @Test
  void aModeratorRemovesAFileInARoomAndItsBytesAreGone() {
    WebClient staff = WebClient.newStaff();
    WebClient anna = WebClient.newPatient();
    WebClient ben = WebClient.newPatient();
    long room = Rooms.create(staff, "Skin", true, false);
    Rooms.join(anna, room, "Sunny Wren");
    Rooms.join(ben, room, "Steady Seal");
    long conversation = Rooms.conversation(anna, room);
    JsonObject sent = json(anna.upload(conversation, id(), "rash.jpg", "", Samples.jpeg(40, 30)));
    long fileId =
        sent.getJsonObject("message").getJsonObject("file").getJsonNumber("id").longValue();
    long seq = sent.getInt("seq");
    assertThat(ben.download("/api/files/" + fileId).statusCode()).isEqualTo(200);

    try (SocketClient benSocket = SocketClient.open(ben)) {
      Rooms.onMessage(staff, room, seq, "remove");
      JsonObject removal = benSocket.next("message").getJsonObject("message");
      assertThat(removal.getString("kind")).isEqualTo("DELETE");
      assertThat(removal.getBoolean("removedByModerator")).isTrue();
    }
    assertThat(
            Database.count("select count(*) from attachment_chunk where attachment_id = ?", fileId))
        .isZero();
    assertThat(ben.download("/api/files/" + fileId).statusCode()).isEqualTo(404);
    assertThat(
            Database.count(
                "select count(*) from message where file_id = ? and kind = 'FILE'"
                    + " and file_name = '' and deleted_at is not null and removed_by_moderator",
                fileId))
        .isEqualTo(1);
  }

  @Test
  void aMutedMemberCannotRelabelTheirFileUntilTheMuteIsLifted() {
    JoinedRoom allergies = JoinedRoom.create("Allergies", "Quiet Heron");
    WebClient anna = allergies.patient();
    JsonObject sent =
        json(anna.upload(allergies.conversation(), id(), "hives.jpg", "", Samples.jpeg(40, 30)));
    long fileId =
        sent.getJsonObject("message").getJsonObject("file").getJsonNumber("id").longValue();
    long annaId = Rooms.accountId(anna.username);
    Rooms.onMember(allergies.staff(), allergies.room(), annaId, "mute", Map.of("minutes", "15"));

    HttpResponse<String> muted = change(anna, fileId, "kind", id(), "LAB_RESULT");
    assertThat(muted.statusCode()).as(muted.body()).isEqualTo(409);
    assertThat(muted.body()).contains("cannot write to it at the moment");
    assertThat(
            Database.count(
                "select count(*) from message where conversation_id = ? and kind = 'FILE_UPDATE'",
                allergies.conversation()))
        .isZero();

    Rooms.onMember(allergies.staff(), allergies.room(), annaId, "unmute", Map.of());
    assertThat(file(change(anna, fileId, "kind", id(), "LAB_RESULT")).getString("kind"))
        .isEqualTo("LAB_RESULT");
  }

  private static HttpResponse<String> change(
      WebClient who, long fileId, String what, String clientId, String kind) {
    String body =
        kind == null
            ? "{\"clientId\":\"" + clientId + "\"}"
            : "{\"clientId\":\"" + clientId + "\",\"kind\":\"" + kind + "\"}";
    return who.postJson("/api/files/" + fileId + "/" + what, body);
  }

  private static long audits(long file, String action) {
    return Database.count(
        "select count(*) from audit_event where target_type = 'FILE' and target_id = ?"
            + " and action = ?",
        file,
        action);
  }

  private static JsonObject file(HttpResponse<String> sent) {
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    return json(sent).getJsonObject("message").getJsonObject("file");
  }

  private static long fileId(HttpResponse<String> sent) {
    return file(sent).getJsonNumber("id").longValue();
  }

  private static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  private static byte[] pdf() {
    return Samples.pdf();
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }
}
