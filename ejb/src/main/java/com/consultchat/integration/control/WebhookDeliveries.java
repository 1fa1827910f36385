package com.consultchat.integration.control;

import com.consultchat.platform.boundary.Settings;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * The deliveries' rows, each step in a short transaction of its own: claiming what is due (so that
 * nodes never send the same delivery at once), and recording how an attempt went. Nothing is held
 * open while a receiver answers.
 */
@Stateless
public class WebhookDeliveries {

  /**
   * After this many failed attempts a delivery is given up (about a day with the default waits).
   */
  static final int MAX_ATTEMPTS = 12;

  /** The longest wait between two attempts. */
  static final int MAX_WAIT_SECONDS = 3600;

  /** A delivery to send now. */
  public record Due(
      long id, String url, String secret, String event, String payload, int attempts) {}

  @Inject EntityManager em;
  @Inject Settings settings;

  /**
   * Up to {@code limit} due deliveries, claimed for five minutes: longer than a batch of attempts
   * takes.
   */
  public List<Due> claim(int limit) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "with due as (select id from webhook_delivery"
                    + " where delivered_at is null and abandoned_at is null and next_attempt_at <= now()"
                    + " and (claimed_until is null or claimed_until < now())"
                    + " order by next_attempt_at limit ?1 for update skip locked)"
                    + " update webhook_delivery d set claimed_until = now() + interval '5 minutes'"
                    + " from due, webhook w where d.id = due.id and w.id = d.webhook_id"
                    + " returning d.id, w.url, w.secret, d.event, d.payload, d.attempts")
            .setParameter(1, limit)
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new Due(
                    ((Number) row[0]).longValue(),
                    (String) row[1],
                    (String) row[2],
                    (String) row[3],
                    (String) row[4],
                    ((Number) row[5]).intValue()))
        .toList();
  }

  public void delivered(long id, int status) {
    em.createNativeQuery(
            "update webhook_delivery set delivered_at = now(), attempts = attempts + 1,"
                + " last_status = ?2, last_error = null, claimed_until = null where id = ?1")
        .setParameter(1, id)
        .setParameter(2, status)
        .executeUpdate();
  }

  /**
   * A failed attempt: tried again after a wait that doubles each time, or given up after {@link
   * #MAX_ATTEMPTS}. {@code error} says what failed (a status or an exception's kind), never data.
   */
  public void failed(long id, int attemptsBefore, Integer status, String error) {
    int attempts = attemptsBefore + 1;
    long wait =
        Math.min(
            MAX_WAIT_SECONDS,
            (long) settings.webhookRetrySeconds() << Math.min(20, attemptsBefore));
    em.createNativeQuery(
            "update webhook_delivery set attempts = ?2, last_status = ?3, last_error = ?4,"
                + " claimed_until = null,"
                + " next_attempt_at = now() + make_interval(secs => ?5),"
                + " abandoned_at = case when ?2 >= ?6 then now() end"
                + " where id = ?1")
        .setParameter(1, id)
        .setParameter(2, attempts)
        .setParameter(3, status)
        .setParameter(4, error == null ? null : error.substring(0, Math.min(200, error.length())))
        .setParameter(5, (double) wait)
        .setParameter(6, MAX_ATTEMPTS)
        .executeUpdate();
  }

  /** Delivered or given-up rows older than a month go: they name only ids, but need not stay. */
  public int prune() {
    return em.createNativeQuery(
            "delete from webhook_delivery where (delivered_at < now() - interval '30 days')"
                + " or (abandoned_at < now() - interval '30 days')")
        .executeUpdate();
  }
}
