package com.consultchat.account.boundary;

import com.consultchat.account.control.StandingCache;
import com.consultchat.account.control.StandingCache.Standing;
import com.consultchat.account.entity.Account;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Whether a login made at a given moment still counts: the account is active and no administrator
 * ended its logins since (a disable, a password reset, a role change). Asked on every request and
 * socket frame of a logged-in person, so that a session on another node, or one restored from a
 * session store, is refused too; answered from a few seconds' cache ({@link StandingCache}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AccountStanding {

  @Inject EntityManager em;
  @Inject StandingCache cache;

  /**
   * Reads the account when this node's knowledge of it is no longer fresh ({@link StandingCache}).
   */
  public boolean admits(long accountId, Instant loginAt) {
    long now = System.nanoTime();
    Standing standing = cache.fresh(accountId, now).orElseGet(() -> read(accountId, now));
    return standing.admits(loginAt);
  }

  /**
   * From what this node knows, without reading the database: for a socket frame, whose thread must
   * not wait. Unknown accounts are admitted; the next request or the sweep reads them.
   */
  public boolean knownToAdmit(long accountId, Instant loginAt) {
    return cache.known(accountId).map(standing -> standing.admits(loginAt)).orElse(true);
  }

  /** A change on this node counts here at once, before any cached answer runs out. */
  public void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountChanged event) {
    cache.forget(event.account().id());
  }

  /**
   * The accounts whose logins ended after {@code since}, with when: one indexed query that lets
   * each node close its own sockets of a person disabled on another node. Every other account's
   * standing known here holds as of this query ({@link StandingCache#swept}).
   */
  public Map<Long, Instant> loginsEndedSince(Instant since) {
    Map<Long, Instant> ended = new HashMap<>();
    long now = System.nanoTime();
    long sinceNanos = now - Duration.between(since, Instant.now()).toNanos();
    em.createNamedQuery(Account.LOGINS_ENDED_SINCE, Account.class)
        .setParameter("since", since)
        .getResultStream()
        .forEach(
            account -> {
              ended.put(account.id(), account.loginsValidFrom());
              cache.put(
                  account.id(), new Standing(account.isActive(), account.loginsValidFrom()), now);
            });
    cache.swept(sinceNanos, now);
    return ended;
  }

  private Standing read(long accountId, long now) {
    Account account = em.find(Account.class, accountId);
    Standing standing =
        account == null
            ? new Standing(false, Instant.MAX)
            : new Standing(account.isActive(), account.loginsValidFrom());
    cache.put(accountId, standing, now);
    return standing;
  }
}
