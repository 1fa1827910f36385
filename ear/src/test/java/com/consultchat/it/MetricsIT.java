package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The operator's view through the server's own observability: the Prometheus endpoint and the
 * health checks on the management interface, and the admin console's metrics JSON.
 */
class MetricsIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void prometheusListsTheCountersAndTheyMoveWhenAMessageIsSent() {
    TakenConsultation chat = TakenConsultation.create("Metrics: a rash on the arm");
    String before = management("/prometheus").body();
    assertThat(before)
        .contains(
            "consultchat_sockets_open",
            "consultchat_people_online",
            "consultchat_messages_total",
            "consultchat_refusals_total",
            "consultchat_errors_total",
            "consultchat_queue_length",
            "consultchat_queue_longest_wait_seconds");
    double messages = value(before, "consultchat_messages_total");

    try (SocketClient patient = SocketClient.open(chat.patient());
        SocketClient staff = SocketClient.open(chat.staff())) {
      patient.send(chat.conversation(), "It itches more at night.");
      patient.next("ack");

      Await.until(
          "the message counted and both sockets open",
          Duration.ofSeconds(10),
          () -> {
            String now = management("/prometheus").body();
            return value(now, "consultchat_messages_total") >= messages + 1
                && value(now, "consultchat_sockets_open") >= 2
                && value(now, "consultchat_people_online") >= 2;
          });
    }
    // Held consultations are counted per specialist, by name.
    assertThat(management("/prometheus").body())
        .containsPattern("consultchat_consultations_active\\{[^}]*specialist=\"");
  }

  @Test
  void readinessIncludesTheDatabaseAndIsUpWhileItAnswers() {
    HttpResponse<String> ready = management("/health/ready");
    HttpResponse<String> live = management("/health/live");

    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).contains("\"consultchat-database\"").contains("\"UP\"");
    assertThat(live.statusCode()).isEqualTo(200);
  }

  @Test
  void theMetricsHistoryIsForAdministratorsOnly() {
    HttpResponse<String> admin = WebClient.admin().get("/api/admin/metrics");
    HttpResponse<String> patient = WebClient.newPatient().get("/api/admin/metrics");
    HttpResponse<String> staff = WebClient.newStaff().get("/api/admin/metrics");

    assertThat(admin.statusCode()).isEqualTo(200);
    assertThat(admin.body()).contains("\"series\"", "\"sockets\"", "\"messagesPerMinute\"");
    assertThat(patient.statusCode()).isEqualTo(404);
    assertThat(patient.body()).doesNotContain("series");
    assertThat(staff.statusCode()).isEqualTo(404);
  }

  /** The metric's value, summed over its label sets; 0 when it is not listed yet. */
  static double value(String prometheus, String name) {
    Matcher line =
        Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.eE+-]+|NaN)$").matcher(prometheus);
    double sum = 0;
    while (line.find()) {
      if (!"NaN".equals(line.group(2))) {
        sum += Double.parseDouble(line.group(2));
      }
    }
    return sum;
  }

  static HttpResponse<String> management(String path) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(
                  URI.create("http://127.0.0.1:" + TestServer.MANAGEMENT_PORT + path))
              .timeout(Duration.ofSeconds(10))
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
