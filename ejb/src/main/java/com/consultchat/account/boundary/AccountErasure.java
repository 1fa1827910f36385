package com.consultchat.account.boundary;

import com.consultchat.account.control.PasswordHasher;
import com.consultchat.account.control.SignOnLinks;
import com.consultchat.account.entity.Account;
import com.consultchat.account.entity.RecoveryCode;
import com.consultchat.account.entity.SecondFactor;
import com.consultchat.platform.boundary.Notification;
import com.consultchat.platform.boundary.Refused;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

/**
 * The account's side of a person's data rights: what it holds about them, for their export, and
 * pseudonymising it when an erasure is carried out. The privacy feature decides who may ask; this
 * only checks that the caller is the person or an administrator.
 */
@Stateless
public class AccountErasure {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject EntityManager em;
  @Inject PasswordHasher hasher;
  @Inject Event<Notification> notifications;
  @Inject Clock clock;
  @Inject SignOnLinks signOnLinks;

  public AccountDetails details(Caller caller, long accountId) {
    if (caller.id() != accountId && !caller.isAdmin()) {
      throw Refused.notFound("account.no-such");
    }
    Account account = account(accountId);
    return new AccountDetails(
        account.id(),
        account.username(),
        account.displayName(),
        account.role(),
        account.status().name(),
        account.createdAt(),
        account.lastSeenAt(),
        account.sharesReadReceipts(),
        em.find(SecondFactor.class, accountId) != null);
  }

  /**
   * Pseudonymises the account as {@code pseudonym}, removes its password and second factor, and
   * ends the person's connections once this commits. Only administrators carry this out.
   */
  public void erase(Caller admin, long accountId, String pseudonym) {
    if (!admin.isAdmin()) {
      throw Refused.forbidden("account.admin-only");
    }
    Account account = account(accountId);
    if (account.isErased()) {
      return;
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    // A hash of a password nobody ever saw, so that even a re-enabled account has none that works.
    account.erase(pseudonym, hasher.hash(Base64.getEncoder().encodeToString(secret)));
    em.createNamedQuery(RecoveryCode.DELETE_ALL).setParameter("account", accountId).executeUpdate();
    SecondFactor factor = em.find(SecondFactor.class, accountId);
    if (factor != null) {
      em.remove(factor);
    }
    // The portal's identity for the person would otherwise log in to the erased account again.
    signOnLinks.forget(accountId);
    account.endLogins(clock.instant());
    // After commit the web layer ends the person's sessions and sockets, here and on other nodes.
    notifications.fire(new LoginsEnded(accountId, account.loginsValidFrom(), true));
  }

  private Account account(long accountId) {
    Account account = em.find(Account.class, accountId);
    if (account == null) {
      throw Refused.notFound("account.no-such");
    }
    return account;
  }
}
