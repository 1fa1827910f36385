package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.consultchat.attachment.control.Samples;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Files sent in a consultation: what is taken, what is refused, who may read them. */
class AttachmentIT {

  private static final int MB = 1024 * 1024;

  @Test
  void everyAllowedKindIsStoredAndArrivesLiveAndInCatchUp() {
    TakenConsultation chat = TakenConsultation.create("Files of every kind");
    SocketClient specialist = SocketClient.open(chat.staff());
    Map<String, byte[]> files =
        Map.of(
            "application/pdf", Samples.pdf(),
            "image/jpeg", Samples.jpeg(40, 30),
            "image/png", Samples.png(40, 30),
            "audio/mpeg", Samples.mp3(),
            "audio/ogg", Samples.oggOpus(),
            "audio/webm", Samples.webm(),
            "audio/mp4", Samples.m4a(),
            "audio/aac", Samples.aac());

    files.forEach(
        (type, bytes) -> {
          HttpResponse<String> sent =
              chat.patient().upload(chat.conversation(), id(), "file", "", bytes);
          assertThat(sent.statusCode()).as(type + ": " + sent.body()).isEqualTo(200);
          JsonObject live = specialist.next("message").getJsonObject("message");
          assertThat(live.getString("kind")).isEqualTo("FILE");
          assertThat(live.getJsonObject("file").getString("type")).isEqualTo(type);
        });
    HttpResponse<String> webp =
        chat.patient().upload(chat.conversation(), id(), "tiny.webp", "", Samples.WEBP);
    assertThat(webp.statusCode()).as(webp.body()).isEqualTo(200);
    // The JDK cannot write WebP: the cleaned picture is PNG or JPEG.
    assertThat(json(webp).getJsonObject("message").getJsonObject("file").getString("type"))
        .isIn("image/png", "image/jpeg");

    String poll =
        chat.staff().get("/api/conversations/" + chat.conversation() + "/frames?after=0").body();
    assertThat(poll.split("\"kind\":\"FILE\"", -1)).hasSize(files.size() + 2);
  }

  @Test
  void aPhotoLosesItsGpsPositionAndIsTurnedUpright() throws Exception {
    TakenConsultation chat = TakenConsultation.create("A rash");
    byte[] photo = Samples.jpegWithGps(64, 32, 6);
    assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains("Exif");

    JsonObject file =
        json(chat.patient()
                .upload(chat.conversation(), id(), "IMG_0001.jpg", "Since Monday", photo))
            .getJsonObject("message")
            .getJsonObject("file");
    HttpResponse<byte[]> served = chat.staff().download("/api/files/" + file.getJsonNumber("id"));

    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(new String(served.body(), StandardCharsets.ISO_8859_1))
        .doesNotContain("Exif")
        .doesNotContain("MM\0*");
    BufferedImage upright = ImageIO.read(new ByteArrayInputStream(served.body()));
    assertThat(upright.getWidth()).isEqualTo(32);
    assertThat(upright.getHeight()).isEqualTo(64);
  }

  @Test
  void aDownloadIsAnAttachmentWithItsNameEncodedAndNothingToRun() {
    TakenConsultation chat = TakenConsultation.create("Lab results");
    long id =
        fileId(
            chat.patient()
                .upload(chat.conversation(), id(), "Blutbild März.pdf", "", Samples.pdf()));

    HttpResponse<byte[]> served = chat.staff().download("/api/files/" + id);

    assertThat(served.body()).isEqualTo(Samples.pdf());
    assertThat(served.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(served.headers().firstValue("Content-Disposition"))
        .hasValue(
            "attachment; filename=\"Blutbild M_rz.pdf\"; filename*=UTF-8''Blutbild%20M%C3%A4rz.pdf");
    assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(served.headers().allValues("Content-Security-Policy"))
        .anyMatch(p -> p.startsWith("sandbox"));
    assertThat(served.headers().firstValue("Cache-Control")).hasValue("no-store");
  }

  @Test
  void namesAreCleanedForDisplay() {
    TakenConsultation chat = TakenConsultation.create("Names");
    assertThat(nameAfterUpload(chat, "../../etc/passwd.pdf")).isEqualTo("passwd.pdf");
    assertThat(nameAfterUpload(chat, "report\r\nX-Injected: 1.pdf"))
        .isEqualTo("reportX-Injected 1.pdf");
    assertThat(nameAfterUpload(chat, "invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
    assertThat(nameAfterUpload(chat, "<b>bold</b>.pdf")).isEqualTo("b.pdf");
    String longName = nameAfterUpload(chat, "a".repeat(1000) + ".pdf");
    assertThat(longName.codePointCount(0, longName.length())).isEqualTo(120);
    assertThat(longName).endsWith(".pdf");
  }

  @Test
  void whatIsNotAllowedIsRefusedByContentAndNothingIsStored() {
    TakenConsultation chat = TakenConsultation.create("Refusals");
    WebClient patient = chat.patient();
    Map<String, byte[]> refused =
        Map.of(
            "page.pdf",
                "<!DOCTYPE html><html><script>alert(1)</script></html>"
                    .getBytes(StandardCharsets.UTF_8),
            "picture.jpg",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"
                    .getBytes(StandardCharsets.UTF_8),
            "setup.pdf", executable(),
            "both.pdf",
                ("%PDF-1.4\n<html><script>alert(1)</script></html>\n%%EOF")
                    .getBytes(StandardCharsets.US_ASCII));

    refused.forEach(
        (name, bytes) -> {
          HttpResponse<String> answer = patient.upload(chat.conversation(), id(), name, "", bytes);
          assertThat(answer.statusCode()).as(name).isEqualTo(400);
          assertThat(json(answer).getString("message"))
              .contains("PDF documents, JPEG, PNG and WebP");
        });
    HttpResponse<String> empty =
        patient.upload(chat.conversation(), id(), "empty.pdf", "", new byte[0]);
    assertThat(empty.statusCode()).isEqualTo(400);
    assertThat(json(empty).getString("message")).contains("empty");

    assertNothingStoredBy(patient, chat.conversation());
  }

  @Test
  void theSizeLimitHoldsWithAndWithoutADeclaredLength() throws Exception {
    TakenConsultation chat = TakenConsultation.create("Large files");
    WebClient patient = chat.patient();

    // Over the server's default request limit of 10 MB, under the application's 20 MB: taken.
    HttpResponse<String> twelve =
        patient.upload(chat.conversation(), id(), "scan.pdf", "", padded(Samples.pdf(), 12 * MB));
    assertThat(twelve.statusCode()).as(twelve.body()).isEqualTo(200);
    assertThat(
            json(twelve)
                .getJsonObject("message")
                .getJsonObject("file")
                .getJsonNumber("size")
                .longValue())
        .isEqualTo(12L * MB);

    // Refused from the declared length alone, before a byte of the body is read: the headers
    // are all the server needs to answer.
    String declared = headersOnly(patient, chat.conversation(), 21L * MB);
    assertThat(declared).startsWith("HTTP/1.1 400").contains("larger than 20 MB");

    HttpResponse<String> undeclared =
        patient.upload(
            chat.conversation(),
            id(),
            "big.pdf",
            "",
            // Just over the limit: refused once the limit is passed while reading; the little
            // rest is within the server's room, so it reads it and the answer arrives whole.
            HttpRequest.BodyPublishers.ofInputStream(
                () -> new ByteArrayInputStream(padded(Samples.pdf(), 20 * MB + 16 * 1024))));
    assertThat(undeclared.statusCode()).isEqualTo(400);
    assertThat(json(undeclared).getString("message")).contains("larger than 20 MB");

    assertThat(
            Database.count(
                "select count(*) from attachment where uploader_id = ?", patient.accountId()))
        .isEqualTo(1);
  }

  @Test
  void anUploadCutOffHalfWayLeavesNothing() throws Exception {
    TakenConsultation chat = TakenConsultation.create("Cut off");
    WebClient patient = chat.patient();
    long account = patient.accountId();
    URI base = URI.create(patient.base);
    byte[] half = padded(Samples.pdf(), 2 * MB);

    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST "
                  + base.getPath()
                  + "/api/files?conversation="
                  + chat.conversation()
                  + " HTTP/1.1\r\n"
                  + "Host: "
                  + base.getHost()
                  + ":"
                  + base.getPort()
                  + "\r\n"
                  + "Cookie: "
                  + patient.cookieHeader()
                  + "\r\n"
                  + "File-Client-Id: "
                  + id()
                  + "\r\n"
                  + "Content-Type: application/octet-stream\r\n"
                  + "Content-Length: "
                  + (4 * MB)
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.write(half);
      out.flush();
      Await.until(
          "part of the upload is stored",
          Duration.ofSeconds(20),
          () ->
              Database.count(
                      "select count(*) from attachment_chunk c join attachment a on a.id = c.attachment_id"
                          + " where a.uploader_id = ?",
                      account)
                  > 0);
    }

    Await.until(
        "the cut-off upload is gone",
        Duration.ofSeconds(20),
        () ->
            Database.count("select count(*) from attachment where uploader_id = ?", account) == 0);
    assertNothingStoredBy(patient, chat.conversation());
  }

  @Test
  void aResendWithTheSameClientIdReturnsTheOriginalAndStoresNoSecondFile() {
    TakenConsultation chat = TakenConsultation.create("Resend");
    String clientId = id();
    JsonObject first =
        json(
            chat.patient()
                .upload(chat.conversation(), clientId, "a.pdf", "Results", Samples.pdf()));
    JsonObject again =
        json(
            chat.patient()
                .upload(chat.conversation(), clientId, "a.pdf", "Results", Samples.pdf()));

    assertThat(again.getBoolean("resend")).isTrue();
    assertThat(again.getJsonNumber("seq")).isEqualTo(first.getJsonNumber("seq"));
    assertThat(
            Database.count(
                "select count(*) from attachment where uploader_id = ?",
                chat.patient().accountId()))
        .isEqualTo(1);
    assertThat(Database.messagesIn(chat.conversation())).isEqualTo(1);
  }

  @Test
  void onlyMembersAndAdministratorsReadAFileAndEveryReadIsAudited() {
    TakenConsultation chat = TakenConsultation.create("Who may read");
    long id = fileId(chat.patient().upload(chat.conversation(), id(), "x.pdf", "", Samples.pdf()));
    WebClient otherPatient = WebClient.newPatient();
    WebClient uninvolvedStaff = WebClient.newStaff();

    HttpResponse<byte[]> unknown = chat.patient().download("/api/files/" + (id + 1_000_000));
    HttpResponse<byte[]> stranger = otherPatient.download("/api/files/" + id);
    HttpResponse<byte[]> colleague = uninvolvedStaff.download("/api/files/" + id);
    assertThat(List.of(unknown.statusCode(), stranger.statusCode(), colleague.statusCode()))
        .containsOnly(404);
    assertThat(new String(stranger.body(), StandardCharsets.UTF_8))
        .isEqualTo(new String(unknown.body(), StandardCharsets.UTF_8));
    assertThat(audits(id)).isZero();

    assertThat(chat.staff().download("/api/files/" + id).statusCode()).isEqualTo(200);
    assertThat(chat.patient().download("/api/files/" + id + "?view=true").statusCode())
        .isEqualTo(200);
    assertThat(WebClient.admin().download("/api/files/" + id).statusCode()).isEqualTo(200);

    assertThat(audits(id)).isEqualTo(3);
    assertThat(
            Database.count(
                "select count(*) from audit_event where target_type = 'FILE' and target_id = ?"
                    + " and action = 'FILE_PREVIEWED' and actor_username = ?",
                id,
                chat.patient().username))
        .isEqualTo(1);
    assertThat(
            Database.count(
                "select count(*) from audit_event where target_type = 'FILE' and target_id = ?"
                    + " and admin_access and actor_username = 'admin'",
                id))
        .isEqualTo(1);
  }

  @Test
  void anEmergencyInACaptionIsFlaggedLikeOneInAMessage() {
    TakenConsultation chat = TakenConsultation.create("My tablets");
    chat.patient()
        .upload(
            chat.conversation(),
            id(),
            "box.jpg",
            "I took too many of these pills, maybe an overdose",
            Samples.jpeg(20, 20));

    Await.until(
        "the caption flagged",
        Duration.ofSeconds(20),
        () ->
            Database.count(
                    "select count(*) from audit_event where action = 'URGENT_FLAGGED'"
                        + " and target_id = ?",
                    chat.id())
                == 1);
  }

  @Test
  void theTranscriptListsFilesWithTheirChecksums() throws Exception {
    TakenConsultation chat = TakenConsultation.create("Transcript with files");
    chat.patient().upload(chat.conversation(), id(), "Befund.pdf", "My results", Samples.pdf());
    String sha256 =
        java.util.HexFormat.of()
            .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(Samples.pdf()));

    String page = chat.staff().get("/consultation/transcript.xhtml?id=" + chat.id()).body();

    assertThat(page).contains("File: Befund.pdf · application/pdf").contains(sha256);
    assertThat(page).contains("My results");
  }

  @Test
  void aStoredFileChangedInTheDatabaseIsNotServed() {
    TakenConsultation chat = TakenConsultation.create("Tampered");
    long id = fileId(chat.patient().upload(chat.conversation(), id(), "x.pdf", "", Samples.pdf()));
    Database.execute(
        "update attachment_chunk set bytes = overlay(bytes placing '\\x00'::bytea from 20)"
            + " where attachment_id = ? and part = 0 and n = 0",
        id);

    HttpResponse<byte[]> served = chat.staff().download("/api/files/" + id);

    assertThat(served.statusCode()).isEqualTo(409);
    assertThat(new String(served.body(), StandardCharsets.UTF_8)).contains("damaged");
    assertThat(audits(id)).isZero();
  }

  @Test
  void twentyParallelUploadsFromOnePersonAreTakenAFewAtATimeAndNoneHalfStored() throws Exception {
    TakenConsultation chat = TakenConsultation.create("Parallel");
    ExecutorService pool = Executors.newFixedThreadPool(20);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    byte[] file = padded(Samples.pdf(), MB);
    try {
      for (int i = 0; i < 20; i++) {
        answers.add(
            pool.submit(() -> chat.patient().upload(chat.conversation(), id(), "p.pdf", "", file)));
      }
      int taken = 0;
      int later = 0;
      for (Future<HttpResponse<String>> answer : answers) {
        int status = answer.get().statusCode();
        assertThat(status).isIn(200, 429);
        if (status == 200) {
          taken++;
        } else {
          later++;
          assertThat(answer.get().headers().firstValue("Retry-After")).isPresent();
        }
      }
      assertThat(later).isPositive();
      assertThat(
              Database.count(
                  "select count(*) from attachment where uploader_id = ? and status = 'STORED'",
                  chat.patient().accountId()))
          .isEqualTo(taken);
      assertThat(
              Database.count(
                  "select count(*) from attachment where uploader_id = ? and status <> 'STORED'",
                  chat.patient().accountId()))
          .isZero();
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFileCannotBeNamedInAFrame() {
    TakenConsultation chat = TakenConsultation.create("Frames");
    long id = fileId(chat.patient().upload(chat.conversation(), id(), "x.pdf", "", Samples.pdf()));
    TakenConsultation other = TakenConsultation.create("Another");
    SocketClient socket = SocketClient.open(other.patient());

    socket.sendFrame(
        Json.createObjectBuilder()
            .add("type", "send")
            .add("conversation", other.conversation())
            .add("clientId", id())
            .add("kind", "FILE")
            .add("file", id)
            .add("body", "mine now")
            .build()
            .toString());

    assertThat(socket.next("error").getString("code")).isEqualTo("invalid");
    assertThat(Database.messagesIn(other.conversation())).isZero();
  }

  /**
   * Sends an upload's headers declaring {@code length} bytes, none of them, and reads the answer.
   */
  private static String headersOnly(WebClient client, long conversation, long length)
      throws Exception {
    URI base = URI.create(client.base);
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(20_000);
      socket
          .getOutputStream()
          .write(
              ("POST "
                      + base.getPath()
                      + "/api/files?conversation="
                      + conversation
                      + " HTTP/1.1\r\n"
                      + "Host: "
                      + base.getHost()
                      + ":"
                      + base.getPort()
                      + "\r\n"
                      + "Cookie: "
                      + client.cookieHeader()
                      + "\r\n"
                      + "File-Client-Id: "
                      + id()
                      + "\r\n"
                      + "Content-Type: application/octet-stream\r\n"
                      + "Content-Length: "
                      + length
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
      java.io.InputStream in = socket.getInputStream();
      StringBuilder answer = new StringBuilder();
      byte[] buffer = new byte[4096];
      int n;
      while (!answer.toString().contains("larger than") && (n = in.read(buffer)) > 0) {
        answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
      }
      return answer.toString();
    }
  }

  private static String nameAfterUpload(TakenConsultation chat, String name) {
    HttpResponse<String> sent =
        chat.patient().upload(chat.conversation(), id(), name, "", Samples.pdf());
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    return json(sent).getJsonObject("message").getJsonObject("file").getString("name");
  }

  private static void assertNothingStoredBy(WebClient patient, long conversation) {
    assertThat(
            Database.count(
                "select count(*) from attachment where uploader_id = ?", patient.accountId()))
        .isZero();
    assertThat(Database.messagesIn(conversation)).isZero();
  }

  private static long audits(long file) {
    return Database.count(
        "select count(*) from audit_event where target_type = 'FILE' and target_id = ?", file);
  }

  private static long fileId(HttpResponse<String> sent) {
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    return json(sent)
        .getJsonObject("message")
        .getJsonObject("file")
        .getJsonNumber("id")
        .longValue();
  }

  private static JsonObject json(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readObject();
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }

  /** The start of a Windows program: "MZ", then the offset of its "PE" header. */
  private static byte[] executable() {
    byte[] bytes = new byte[512];
    bytes[0] = 'M';
    bytes[1] = 'Z';
    bytes[0x3c] = (byte) 0x80;
    bytes[0x80] = 'P';
    bytes[0x81] = 'E';
    return bytes;
  }

  /** The file's start followed by zeros up to {@code size} bytes. */
  private static byte[] padded(byte[] start, int size) {
    byte[] bytes = new byte[size];
    System.arraycopy(start, 0, bytes, 0, start.length);
    return bytes;
  }
}
