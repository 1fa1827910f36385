package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A poll that finds nothing new is answered before the request stack (sessions, security, filters,
 * REST); these check that such answers are the same as the stack's, and that they stop the moment
 * the stack would refuse.
 */
class QuietPollIT {

  private static final String QUIET = "consultchat_polls_quiet_total";
  private static final HttpClient RAW = HttpClient.newHttpClient();

  @Test
  void aQuietPollIsAnsweredEarlyWithTheStacksAnswerAndHeaders() throws Exception {
    TakenConsultation chat = TakenConsultation.create("Quiet polls: a follow-up");
    WebClient patient = chat.patient();
    String path = "/api/conversations/" + chat.conversation() + "/frames";
    String token = pastTheFloor(patient, path).headers().firstValue("Poll-Version").orElseThrow();
    double before = MetricsIT.value(MetricsIT.management("/prometheus").body(), QUIET);

    HttpResponse<String> quiet = pastTheFloor(patient, path + "?after=0&v=" + token);

    assertThat(quiet.statusCode()).isEqualTo(200);
    assertThat(SocketClient.frames(quiet)).isEmpty();
    assertThat(quiet.headers().firstValue("Poll-Version")).hasValue(token);
    assertThat(quiet.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(quiet.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(quiet.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(quiet.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(MetricsIT.value(MetricsIT.management("/prometheus").body(), QUIET))
        .as("answered before the stack")
        .isGreaterThanOrEqualTo(before + 1);

    try (SocketClient staff = SocketClient.open(chat.staff())) {
      staff.sendFrame(Map.of("type", "typing", "conversation", chat.conversation()));
      staff.sendFrame(Map.of("type", "ping"));
      staff.next("pong");
      JsonObject typing =
          SocketClient.frames(pastTheFloor(patient, path + "?after=0&v=" + token)).getJsonObject(0);
      assertThat(typing.getString("type")).isEqualTo("typing");
      assertThat(typing.getString("name")).isEqualTo("Dr. " + chat.staff().username);
    }

    HttpResponse<String> tooSoon = patient.get(path + "?after=0&v=" + token);
    assertThat(tooSoon.statusCode()).isEqualTo(429);
  }

  @Test
  void aLoggedOutSessionOrAStrangersSessionNeverGetsTheEarlyAnswer() throws Exception {
    TakenConsultation chat = TakenConsultation.create("Quiet polls: after logout");
    WebClient patient = chat.patient();
    String path = "/api/conversations/" + chat.conversation() + "/frames";
    String token = pastTheFloor(patient, path).headers().firstValue("Poll-Version").orElseThrow();
    assertThat(pastTheFloor(patient, path + "?after=0&v=" + token).statusCode()).isEqualTo(200);

    WebClient stranger = WebClient.newPatient();
    HttpResponse<String> strangers = pastTheFloor(stranger, path + "?after=0&v=" + token);
    assertThat(SocketClient.frames(strangers).getJsonObject(0).getString("code"))
        .isEqualTo("forbidden");
    assertThat(strangers.headers().firstValue("Poll-Version")).isEmpty();

    String cookies = patient.cookieHeader();
    patient.logout();
    HttpResponse<String> afterLogout =
        RAW.send(
            HttpRequest.newBuilder(URI.create(TestServer.BASE_URL + path + "?after=0&v=" + token))
                .header("Cookie", cookies)
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(afterLogout.statusCode()).isNotEqualTo(200);
    assertThat(afterLogout.headers().firstValue("Poll-Version")).isEmpty();
    assertThat(afterLogout.body()).doesNotContain("[]");
  }

  /** Polls until one is past the server's floor between two polls (2 s). */
  private static HttpResponse<String> pastTheFloor(WebClient client, String path) {
    AtomicReference<HttpResponse<String>> answer = new AtomicReference<>();
    Await.until(
        "a poll past the floor",
        Duration.ofSeconds(10),
        () -> {
          answer.set(client.get(path));
          return answer.get().statusCode() != 429;
        });
    return answer.get();
  }
}
