package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * A site's system registers a webhook and is told, signed, of a consultation's life: asked, taken,
 * a message, closed. A receiver that fails at first gets the same delivery again, and nothing it
 * receives holds what anyone wrote.
 */
class WebhookIT {

  private static final Pattern SECRET =
      Pattern.compile("id=\"issued-secret\"[^>]*>(whsec_[A-Za-z0-9_-]+)<");
  private static final Duration WAIT = Duration.ofSeconds(30);

  /** One request as the receiver got it. */
  record Received(String event, String delivery, String signature, String body) {}

  @Test
  void aConsultationsLifeIsDeliveredSignedAndAFailedDeliveryIsRetried() throws Exception {
    BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    Set<String> failedOnce = ConcurrentHashMap.newKeySet();
    HttpServer receiver =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    receiver.createContext(
        "/events",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          String delivery = exchange.getRequestHeaders().getFirst("ConsultChat-Delivery");
          received.add(
              new Received(
                  exchange.getRequestHeaders().getFirst("ConsultChat-Event"),
                  delivery,
                  exchange.getRequestHeaders().getFirst("ConsultChat-Signature"),
                  body));
          // The first delivery of a consultation's request fails once, as a receiver being
          // restarted would.
          boolean fail = body.contains("consultation.requested") && failedOnce.add(delivery);
          exchange.sendResponseHeaders(fail ? 503 : 204, -1);
          exchange.close();
        });
    receiver.start();
    WebClient admin = WebClient.admin();
    long webhook = 0;
    try {
      String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/events";
      String secret =
          register(
              admin,
              url,
              List.of(
                  "consultation.requested",
                  "consultation.taken",
                  "message.posted",
                  "consultation.closed"));
      webhook = Database.count("select max(id) from webhook where url = ?", url);

      TakenConsultation chat = TakenConsultation.create("Pain in the left knee since Sunday");
      List<Received> seen = new ArrayList<>();
      Received failed = nth(received, seen, "consultation.requested", 1);
      Received retried = nth(received, seen, "consultation.requested", 2);
      assertThat(retried.delivery())
          .as("the same delivery, tried again")
          .isEqualTo(failed.delivery());
      assertThat(retried.body()).isEqualTo(failed.body());
      assertThat(json(retried).getJsonObject("data").getJsonNumber("consultationId").longValue())
          .isEqualTo(chat.id());
      verified(secret, retried);

      Received taken = nth(received, seen, "consultation.taken", 1);
      verified(secret, taken);
      assertThat(json(taken).getJsonObject("data").getJsonNumber("staffId").longValue())
          .isEqualTo(chat.staff().accountId());

      try (SocketClient staff = SocketClient.open(chat.staff())) {
        staff.send(chat.conversation(), "Please rest it and keep it raised tonight.");
        staff.next("ack");
      }
      Received message = nth(received, seen, "message.posted", 1);
      verified(secret, message);
      assertThat(json(message).getJsonObject("data").getJsonNumber("seq").longValue()).isEqualTo(1);
      assertThat(message.body()).doesNotContain("knee", "rest it", "Pain");
      assertThat(retried.body()).doesNotContain("knee");

      chat.staff()
          .submit(
              chat.chatPath(), "close", Map.of("summary", "Knee strain; rest and ice."), "submit");
      Received closed = nth(received, seen, "consultation.closed", 1);
      verified(secret, closed);
      assertThat(closed.body()).doesNotContain("strain");

      // The receiver has answered; the sender records that just after.
      Await.until(
          "the page to count four deliveries",
          WAIT,
          () -> admin.get("/admin/webhooks.xhtml").body().contains("4 delivered · 0 waiting"));
      assertThat(admin.get("/admin/webhooks.xhtml").body()).contains(url);
    } finally {
      if (webhook > 0) {
        remove(admin, webhook);
      }
      receiver.stop(0);
    }
  }

  private static String register(WebClient admin, String url, List<String> events) {
    HttpResponse<String> page = admin.get("/admin/webhooks.xhtml");
    HttpResponse<String> created =
        admin.postForm(
            page,
            "webhook",
            Map.of("webhook:url", url, "webhook:create", ""),
            Map.of("webhook:events", events));
    Matcher secret = SECRET.matcher(created.body());
    assertThat(secret.find()).as("the signing secret on " + created.uri()).isTrue();
    return secret.group(1);
  }

  private static void remove(WebClient admin, long webhook) {
    HttpResponse<String> page = admin.get("/admin/webhooks.xhtml");
    Matcher button =
        Pattern.compile(
                "data-webhook=\"" + webhook + "\".*?<button id=\"([^\"]+)\"", Pattern.DOTALL)
            .matcher(page.body());
    assertThat(button.find()).isTrue();
    admin.postForm(page, "webhooks", Map.of(button.group(1), ""));
  }

  /**
   * The {@code nth} delivery (from 1) of this event, whatever arrived between: deliveries of
   * different changes may come in any order. Fails after {@link #WAIT}.
   */
  private static Received nth(
      BlockingQueue<Received> received, List<Received> seen, String event, int nth)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      List<Received> matching = seen.stream().filter(r -> event.equals(r.event())).toList();
      if (matching.size() >= nth) {
        return matching.get(nth - 1);
      }
      Received one = received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      assertThat(one).as("delivery " + nth + " of '" + event + "' within " + WAIT).isNotNull();
      seen.add(one);
    }
  }

  /** Checks the signature as a receiver would: HMAC-SHA256 of "t.body" with the secret. */
  private static void verified(String secret, Received delivery) throws GeneralSecurityException {
    Matcher parts = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})").matcher(delivery.signature());
    assertThat(parts.matches()).as(delivery.signature()).isTrue();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        HexFormat.of()
            .formatHex(
                mac.doFinal(
                    (parts.group(1) + "." + delivery.body()).getBytes(StandardCharsets.UTF_8)));
    assertThat(parts.group(2)).isEqualTo(expected);
  }

  private static JsonObject json(Received delivery) {
    return Json.createReader(new StringReader(delivery.body())).readObject();
  }
}
