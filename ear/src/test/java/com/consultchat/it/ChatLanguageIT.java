package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The consultation pages, their error frames and the transcript PDF speak the person's language: a
 * browser asking for German gets German, with no key left without its words.
 */
class ChatLanguageIT {

  private static HttpResponse<String> getIn(WebClient client, String path, String language)
      throws Exception {
    return client.http.send(
        HttpRequest.newBuilder(URI.create(client.base + path))
            .header("Accept-Language", language)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void thePatientsPagesInGerman() throws Exception {
    WebClient patient = WebClient.newPatient();
    long consultation = patient.requestConsultation("Ausschlag am Arm");

    String home = getIn(patient, "/patient/home.xhtml", "de-DE,de;q=0.9").body();
    String chat =
        getIn(patient, "/consultation/chat.xhtml?id=" + consultation, "de-DE,de;q=0.9").body();

    assertThat(home).contains("Eine Fachperson fragen", "Meine Beratungen").doesNotContain("???");
    assertThat(chat)
        .contains("Nachricht schreiben", "Ihre Anfrage ist in der Warteschlange", "Wartet")
        .doesNotContain("???");
    assertThat(getIn(patient, "/consultation/chat.xhtml?id=" + consultation, "en").body())
        .contains("Write a message");
  }

  @Test
  void theStaffsQueueAndTranscriptInGerman() throws Exception {
    WebClient patient = WebClient.newPatient();
    long consultation = patient.requestConsultation("Husten seit einer Woche");
    WebClient doctor = WebClient.newStaff();

    String queue = getIn(doctor, "/staff/queue.xhtml", "de").body();
    doctor.take(consultation);
    String chat = getIn(doctor, "/consultation/chat.xhtml?id=" + consultation, "de").body();
    String transcript =
        getIn(doctor, "/consultation/transcript.xhtml?id=" + consultation, "de").body();
    HttpResponse<byte[]> pdf =
        doctor.http.send(
            HttpRequest.newBuilder(
                    URI.create(doctor.base + "/api/transcripts/" + consultation + ".pdf"))
                .header("Accept-Language", "de")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertThat(queue).contains("Wartende Patienten", "Übernehmen").doesNotContain("???");
    assertThat(chat)
        .contains(
            "Beratung abschließen", "Termin festlegen", "An eine Kollegin oder einen Kollegen")
        .doesNotContain("???");
    assertThat(transcript).contains("Beratungsverlauf", "In Bearbeitung").doesNotContain("???");
    assertThat(pdf.statusCode()).isEqualTo(200);
    assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
  }

  @Test
  void errorFramesSpeakThePagesLanguageWithTheirCodesUnchanged() throws Exception {
    WebClient patient = WebClient.newPatient();
    patient.requestConsultation("Frage zum Rezept");
    BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
    WebSocket socket =
        patient
            .http
            .newWebSocketBuilder()
            .header("Origin", TestServer.ORIGIN)
            .buildAsync(
                URI.create(patient.base.replaceFirst("^http", "ws") + "/ws/chat?lang=de"),
                new WebSocket.Listener() {
                  private final StringBuilder partial = new StringBuilder();

                  @Override
                  public CompletionStage<?> onText(
                      WebSocket webSocket, CharSequence data, boolean last) {
                    partial.append(data);
                    if (last) {
                      frames.add(
                          Json.createReader(new StringReader(partial.toString())).readObject());
                      partial.setLength(0);
                    }
                    webSocket.request(1);
                    return null;
                  }
                })
            .join();
    try {
      assertThat(next(frames, "ready")).isNotNull();
      socket.sendText(
          "{\"type\":\"send\",\"clientId\":\"9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d\",\"body\":\"x\"}",
          true);
      socket.sendText("not json", true);

      JsonObject first = next(frames, "error");
      JsonObject second = next(frames, "error");
      // The unreadable text is answered at once, the refused frame after its turn in the lane.
      boolean inOrder = "invalid".equals(first.getString("code"));
      JsonObject refused = inOrder ? first : second;
      JsonObject malformed = inOrder ? second : first;
      assertThat(refused.getString("code")).isEqualTo("invalid");
      assertThat(refused.getString("message")).isEqualTo("Der Frame nennt kein Gespräch.");
      assertThat(malformed.getString("code")).isEqualTo("malformed");
      assertThat(malformed.getString("message")).startsWith("Dieser Frame ist kein JSON-Objekt");
    } finally {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
    }

    HttpResponse<String> polled =
        patient.http.send(
            HttpRequest.newBuilder(URI.create(patient.base + "/api/frames"))
                .header("Content-Type", "application/json")
                .header("Origin", TestServer.ORIGIN)
                .header("Accept-Language", "de")
                .POST(HttpRequest.BodyPublishers.ofString("[{\"type\":\"nonsense\"}]"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonObject unknown =
        Json.createReader(new StringReader(polled.body())).readArray().getJsonObject(0);
    assertThat(unknown.getString("code")).isEqualTo("unknown-type");
    assertThat(unknown.getString("message")).startsWith("Unbekannter Frame-Typ");
  }

  private static JsonObject next(BlockingQueue<JsonObject> frames, String type)
      throws InterruptedException {
    for (; ; ) {
      JsonObject frame = frames.poll(10, TimeUnit.SECONDS);
      assertThat(frame).as("a %s frame", type).isNotNull();
      if (type.equals(frame.getString("type", ""))) {
        return frame;
      }
    }
  }
}
