package com.consultchat.integration.control;

import com.consultchat.consultation.boundary.ConsultationChanged;
import com.consultchat.consultation.boundary.ConsultationStatus;
import com.consultchat.consultation.boundary.ConsultationSummary;
import com.consultchat.consultation.boundary.QueueChanged;
import com.consultchat.consultation.boundary.UrgentRaised;
import com.consultchat.integration.boundary.WebhookEvent;
import com.consultchat.integration.entity.Webhook;
import com.consultchat.messaging.boundary.MessagePosted;
import com.consultchat.platform.boundary.Notification;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writes a delivery for every webhook that wants to hear of a change, in the transaction that makes
 * the change: it exists exactly when the change committed, and is sent afterwards by {@link
 * WebhookSender}, never on the message path. With no webhook registered this costs a look at a list
 * kept in memory.
 */
@ApplicationScoped
public class WebhookOutbox {

  /** How long another node's new or removed webhook may go unnoticed here. */
  private static final long FRESH_NANOS = TimeUnit.SECONDS.toNanos(5);

  /** A registered webhook as the outbox needs it. */
  record Target(long id, List<String> events) {}

  @Inject EntityManager em;
  @Inject Clock clock;
  @Resource TransactionSynchronizationRegistry transactions;

  private volatile List<Target> targets;
  private volatile long loadedAt;

  /** After a webhook was added or removed here: read them again at the next change. */
  public void forget() {
    targets = null;
  }

  void changed(@Observes Notification notification) {
    if (notification instanceof QueueChanged queue && queue.arrived() != null) {
      record(
          WebhookEvent.CONSULTATION_REQUESTED,
          "requested:" + queue.consultationId(),
          data(queue.consultationId()));
    } else if (notification instanceof ConsultationChanged change) {
      ConsultationSummary consultation = change.consultation();
      if (consultation.status() == ConsultationStatus.CLOSED) {
        record(
            WebhookEvent.CONSULTATION_CLOSED,
            "closed:" + consultation.id(),
            data(consultation.id()));
      } else if (consultation.status() == ConsultationStatus.ACTIVE
          && consultation.staffId() != null) {
        record(
            WebhookEvent.CONSULTATION_TAKEN,
            "taken:" + consultation.id() + ":" + consultation.staffId(),
            data(consultation.id()).add("staffId", consultation.staffId()));
      }
    } else if (notification instanceof UrgentRaised urgent) {
      record(
          WebhookEvent.CONSULTATION_URGENT,
          "urgent:" + urgent.consultationId(),
          data(urgent.consultationId()));
    } else if (notification instanceof MessagePosted posted) {
      messagePosted(posted);
    }
  }

  /** Consultations' messages only; the data names the message, never its text. */
  private void messagePosted(MessagePosted posted) {
    if (wanting(WebhookEvent.MESSAGE_POSTED).isEmpty()) {
      return;
    }
    long conversation = posted.message().conversation();
    List<?> consultation =
        em.createNativeQuery("select id from consultation where conversation_id = ?1")
            .setParameter(1, conversation)
            .getResultList();
    if (consultation.isEmpty()) {
      return;
    }
    long id = ((Number) consultation.get(0)).longValue();
    record(
        WebhookEvent.MESSAGE_POSTED,
        "message:" + conversation + ":" + posted.message().seq(),
        data(id)
            .add("seq", posted.message().seq())
            .add("senderId", posted.message().senderId())
            .add("kind", posted.message().kind()));
  }

  private void record(WebhookEvent event, String subject, JsonObjectBuilder data) {
    List<Target> wanting = wanting(event);
    if (wanting.isEmpty()) {
      return;
    }
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      // Every change the webhooks report is made in a transaction; one outside could not be kept.
      return;
    }
    Instant now = clock.instant();
    for (Target target : wanting) {
      String payload =
          Json.createObjectBuilder()
              .add("event", event.wireName())
              .add("occurredAt", now.toString())
              .add("data", data)
              .build()
              .toString();
      em.createNativeQuery(
              "insert into webhook_delivery (id, webhook_id, event, subject, payload, created_at,"
                  + " next_attempt_at) values (nextval('webhook_delivery_seq'), ?1, ?2, ?3, ?4, ?5,"
                  + " ?5) on conflict (webhook_id, subject) do nothing")
          .setParameter(1, target.id())
          .setParameter(2, event.wireName())
          .setParameter(3, subject)
          .setParameter(4, payload)
          .setParameter(5, Timestamp.from(now))
          .executeUpdate();
    }
  }

  private List<Target> wanting(WebhookEvent event) {
    return current().stream().filter(t -> t.events().contains(event.wireName())).toList();
  }

  private List<Target> current() {
    List<Target> known = targets;
    if (known == null || System.nanoTime() - loadedAt > FRESH_NANOS) {
      known =
          em.createNamedQuery(Webhook.ACTIVE, Webhook.class)
              .getResultStream()
              .map(w -> new Target(w.id(), List.of(w.events().split(" "))))
              .toList();
      targets = known;
      loadedAt = System.nanoTime();
    }
    return known;
  }

  private static JsonObjectBuilder data(long consultationId) {
    return Json.createObjectBuilder().add("consultationId", consultationId);
  }
}
