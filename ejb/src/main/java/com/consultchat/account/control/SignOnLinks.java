package com.consultchat.account.control;

import com.consultchat.platform.boundary.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The records of single sign-on: which account a provider's person is (by issuer and subject), and
 * the one-time tickets that carry a provider login over to the chat's session. Plain SQL on two
 * small tables that nothing else reads.
 */
@ApplicationScoped
public class SignOnLinks {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject EntityManager em;

  public Optional<Long> account(String issuer, String subject) {
    return em.createNativeQuery(
            "select account_id from sso_link where issuer = ?1 and subject = ?2", Long.class)
        .setParameter(1, issuer)
        .setParameter(2, subject)
        .getResultStream()
        .findFirst()
        .map(id -> ((Number) id).longValue());
  }

  public void link(String issuer, String subject, long accountId, Instant now) {
    em.createNativeQuery(
            "insert into sso_link (issuer, subject, account_id, linked_at) values (?1, ?2, ?3, ?4)")
        .setParameter(1, issuer)
        .setParameter(2, subject)
        .setParameter(3, accountId)
        .setParameter(4, Timestamp.from(now))
        .executeUpdate();
  }

  public boolean linked(long accountId) {
    return !em.createNativeQuery("select 1 from sso_link where account_id = ?1")
        .setParameter(1, accountId)
        .getResultList()
        .isEmpty();
  }

  public void forget(long accountId) {
    em.createNativeQuery("delete from sso_link where account_id = ?1")
        .setParameter(1, accountId)
        .executeUpdate();
    em.createNativeQuery("delete from sso_ticket where account_id = ?1")
        .setParameter(1, accountId)
        .executeUpdate();
  }

  /** A new ticket for the account, valid until {@code expires}; returns the secret to hand over. */
  public String issue(long accountId, Instant now, Instant expires) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    // Tickets nobody redeemed go with the next one issued; the table stays the size of a minute.
    em.createNativeQuery("delete from sso_ticket where expires_at < ?1")
        .setParameter(1, Timestamp.from(now))
        .executeUpdate();
    em.createNativeQuery(
            "insert into sso_ticket (ticket_hash, account_id, expires_at) values (?1, ?2, ?3)")
        .setParameter(1, Sha256.hex(ticket))
        .setParameter(2, accountId)
        .setParameter(3, Timestamp.from(expires))
        .executeUpdate();
    return ticket;
  }

  /** The ticket's account if it is still valid; the ticket is used up either way. */
  public Optional<Long> redeem(String ticket, Instant now) {
    List<?> rows =
        em.createNativeQuery(
                "delete from sso_ticket where ticket_hash = ?1"
                    + " returning account_id, expires_at > ?2 as valid")
            .setParameter(1, Sha256.hex(ticket))
            .setParameter(2, Timestamp.from(now))
            .getResultList();
    return rows.stream()
        .map(Object[].class::cast)
        .filter(row -> Boolean.TRUE.equals(row[1]))
        .map(row -> ((Number) row[0]).longValue())
        .findFirst();
  }
}
