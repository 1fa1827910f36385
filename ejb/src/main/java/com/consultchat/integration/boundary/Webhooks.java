package com.consultchat.integration.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.audit.boundary.AuditAction;
import com.consultchat.audit.boundary.AuditLog;
import com.consultchat.audit.boundary.AuditTarget;
import com.consultchat.integration.control.WebhookOutbox;
import com.consultchat.integration.entity.Webhook;
import com.consultchat.platform.boundary.Refused;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Administrators register the addresses of the site's other systems to be told when something
 * happens; each delivery is signed with the webhook's secret (HMAC-SHA256), so a receiver can tell
 * it came from here. Deliveries name what happened by ids only, never what anyone wrote: the
 * receiver reads the rest through the API, with its own token.
 */
@Stateless
public class Webhooks {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject EntityManager em;
  @Inject AuditLog auditLog;
  @Inject WebhookOutbox outbox;
  @Inject Clock clock;

  public IssuedWebhook create(Caller admin, String url, Set<WebhookEvent> events) {
    requireAdmin(admin);
    String address = checkedUrl(url);
    if (events == null || events.isEmpty()) {
      throw Refused.invalid("webhook.events");
    }
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String secret = "whsec_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Webhook webhook =
        new Webhook(
            address,
            events.stream().map(WebhookEvent::wireName).sorted().collect(Collectors.joining(" ")),
            secret,
            admin.id(),
            clock.instant());
    em.persist(webhook);
    em.flush();
    auditLog.record(
        admin,
        true,
        AuditAction.WEBHOOK_CREATED,
        AuditTarget.SETTING,
        webhook.id(),
        "webhook " + webhook.id() + " for " + webhook.events());
    outbox.forget();
    return new IssuedWebhook(webhook.id(), secret);
  }

  public void remove(Caller admin, long id) {
    requireAdmin(admin);
    Webhook webhook = em.find(Webhook.class, id);
    if (webhook == null) {
      throw Refused.notFound("webhook.unknown");
    }
    webhook.remove(clock.instant());
    auditLog.record(
        admin, true, AuditAction.WEBHOOK_REMOVED, AuditTarget.SETTING, id, "webhook " + id);
    outbox.forget();
  }

  public List<WebhookItem> list(Caller admin) {
    requireAdmin(admin);
    return em.createNamedQuery(Webhook.ACTIVE, Webhook.class)
        .getResultStream()
        .map(this::item)
        .toList();
  }

  private WebhookItem item(Webhook webhook) {
    Object[] row =
        (Object[])
            em.createNativeQuery(
                    "select count(*) filter (where delivered_at is not null),"
                        + " count(*) filter (where delivered_at is null and abandoned_at is null),"
                        + " count(*) filter (where abandoned_at is not null),"
                        + " (select last_status from webhook_delivery l where l.webhook_id = ?1"
                        + "   and l.last_status is not null order by l.id desc limit 1),"
                        + " max(delivered_at)"
                        + " from webhook_delivery where webhook_id = ?1")
                .setParameter(1, webhook.id())
                .getSingleResult();
    return new WebhookItem(
        webhook.id(),
        webhook.url(),
        Arrays.asList(webhook.events().split(" ")),
        webhook.createdAt(),
        ((Number) row[0]).longValue(),
        ((Number) row[1]).longValue(),
        ((Number) row[2]).longValue(),
        row[3] == null ? null : ((Number) row[3]).intValue(),
        row[4] == null ? null : instant(row[4]));
  }

  /** A timestamp as the driver hands it back from a native query. */
  private static Instant instant(Object value) {
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    return value instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) value;
  }

  /** An absolute http or https address without credentials in it. */
  static String checkedUrl(String raw) {
    String url = raw == null ? "" : raw.strip();
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (url.length() > 2000
          || !(scheme.equals("http") || scheme.equals("https"))
          || uri.getHost() == null
          || uri.getUserInfo() != null
          || uri.getFragment() != null) {
        throw Refused.invalid("webhook.url");
      }
      return uri.toString();
    } catch (URISyntaxException e) {
      throw Refused.invalid("webhook.url");
    }
  }

  private static void requireAdmin(Caller caller) {
    if (!caller.isAdmin()) {
      throw Refused.forbidden("webhook.admin");
    }
  }
}
