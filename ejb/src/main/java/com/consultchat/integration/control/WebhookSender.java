package com.consultchat.integration.control;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends what the outbox holds, every two seconds, outside any transaction: a slow receiver delays
 * only the webhooks, never a message. Each delivery is signed: {@code ConsultChat-Signature:
 * t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body" with the webhook's secret>}.
 */
@Singleton
public class WebhookSender {

  private static final System.Logger LOG = System.getLogger(WebhookSender.class.getName());
  private static final int BATCH = 20;

  private final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();
  private final AtomicBoolean sending = new AtomicBoolean();

  @Inject WebhookDeliveries deliveries;

  @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void send() {
    if (!sending.compareAndSet(false, true)) {
      return;
    }
    try {
      List<WebhookDeliveries.Due> due;
      do {
        due = deliveries.claim(BATCH);
        due.forEach(this::attempt);
      } while (due.size() == BATCH);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Webhook deliveries could not be read; trying again shortly", e);
    } finally {
      sending.set(false);
    }
  }

  @Schedule(hour = "*", minute = "41", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void prune() {
    deliveries.prune();
  }

  private void attempt(WebhookDeliveries.Due delivery) {
    String timestamp = String.valueOf(Instant.now().getEpochSecond());
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(delivery.url()))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("User-Agent", "ConsultChat-Webhooks/1")
            .header("ConsultChat-Event", delivery.event())
            .header("ConsultChat-Delivery", String.valueOf(delivery.id()))
            .header(
                "ConsultChat-Signature",
                "t=" + timestamp + ",v1=" + sign(delivery.secret(), timestamp, delivery.payload()))
            .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
            .build();
    try {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 == 2) {
        deliveries.delivered(delivery.id(), response.statusCode());
      } else {
        deliveries.failed(
            delivery.id(),
            delivery.attempts(),
            response.statusCode(),
            "HTTP " + response.statusCode());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      deliveries.failed(delivery.id(), delivery.attempts(), null, "interrupted");
    } catch (java.io.IOException | IllegalArgumentException e) {
      deliveries.failed(delivery.id(), delivery.attempts(), null, e.getClass().getSimpleName());
    }
  }

  /** The signature of a body at a time, as receivers check it. */
  public static String sign(String secret, String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of()
          .formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
    }
  }
}
