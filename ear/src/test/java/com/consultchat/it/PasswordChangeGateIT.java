package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * Finding 3: a staff account still on an administrator-set password read and wrote a consultation
 * through the API. One gate now covers pages, sockets and the API.
 */
class PasswordChangeGateIT {

  @Test
  void anAccountThatMustReplaceItsPasswordReachesNoPageSocketOrApi() throws Exception {
    TakenConsultation consultation = TakenConsultation.create("Gate check");
    String pdf = "/api/transcripts/" + consultation.id() + ".pdf";
    assertThat(consultation.staff().download(pdf).statusCode()).isEqualTo(200);
    Database.execute(
        "update account set password_change_required = true where username = ?",
        consultation.staff().username);
    long downloadsBefore = downloadsBy(consultation.staff().username);
    long messagesBefore = Database.messagesIn(consultation.conversation());
    WebClient staff = new WebClient(consultation.staff().username);
    staff.login(staff.username, "a personal password");

    assertThat(staff.get("/staff/queue.xhtml").uri().getPath()).endsWith("/account/password.xhtml");
    assertThat(staff.get(consultation.chatPath()).uri().getPath())
        .endsWith("/account/password.xhtml");

    HttpResponse<byte[]> download = staff.download(pdf);
    assertThat(download.statusCode()).isEqualTo(403);
    assertThat(new String(download.body())).contains("\"code\":\"forbidden\"");
    assertThat(downloadsBy(staff.username)).isEqualTo(downloadsBefore);

    String frame =
        "[{\"type\":\"send\",\"conversation\":"
            + consultation.conversation()
            + ",\"clientId\":\""
            + UUID.randomUUID()
            + "\",\"body\":\"written around the gate\"}]";
    HttpResponse<String> posted = staff.postFrames(frame, TestServer.ORIGIN);
    assertThat(posted.statusCode()).isEqualTo(403);
    HttpResponse<String> polled =
        staff.http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        staff.base
                            + "/api/conversations/"
                            + consultation.conversation()
                            + "/frames?after=0"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(polled.statusCode()).isEqualTo(403);
    assertThat(Database.messagesIn(consultation.conversation())).isEqualTo(messagesBefore);

    assertThat(handshakeRefused(staff)).isTrue();
  }

  @Test
  void replacingThePasswordOpensEverythingAgain() {
    TakenConsultation consultation = TakenConsultation.create("Gate reopens");
    Database.execute(
        "update account set password_change_required = true where username = ?",
        consultation.staff().username);
    WebClient staff = new WebClient(consultation.staff().username);
    staff.login(staff.username, "a personal password");

    HttpResponse<String> changed =
        staff.submit(
            "/account/password.xhtml",
            "password",
            java.util.Map.of(
                "current", "a personal password",
                "replacement", "my own clinic login 2026",
                "confirmation", "my own clinic login 2026"),
            "submit");

    assertThat(changed.uri().getPath()).endsWith("/staff/queue.xhtml");
    assertThat(staff.download("/api/transcripts/" + consultation.id() + ".pdf").statusCode())
        .isEqualTo(200);
  }

  private static boolean handshakeRefused(WebClient client) {
    try {
      WebSocket socket =
          client
              .http
              .newWebSocketBuilder()
              .header("Origin", TestServer.ORIGIN)
              .buildAsync(
                  URI.create(client.base.replaceFirst("^http", "ws") + "/ws/chat"),
                  new WebSocket.Listener() {})
              .join();
      socket.abort();
      return false;
    } catch (CompletionException refused) {
      return true;
    }
  }

  private static long downloadsBy(String username) {
    return Database.count(
        "select count(*) from audit_event where actor_username = ?"
            + " and action = 'TRANSCRIPT_DOWNLOADED'",
        username);
  }
}
