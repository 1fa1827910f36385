package com.consultchat.account.boundary;

import com.consultchat.account.control.PasswordHasher;
import com.consultchat.account.control.SignOnLinks;
import com.consultchat.account.control.SignOnNames;
import com.consultchat.account.control.SignOnRoles;
import com.consultchat.account.entity.Account;
import com.consultchat.platform.boundary.Notification;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.platform.boundary.Settings;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Logins through the site's identity provider. The sign-on module, once the provider has
 * authenticated the person, asks {@link #admit} for a one-time ticket; the chat's login redeems it
 * ({@link #redeem}) and the person is logged in without a password of ours. The account is made at
 * the first login and keeps the role the provider's claim gives it at every login.
 */
@Stateless
public class SingleSignOn {

  /** Long enough for one redirect on a slow phone, short enough that a leaked link is worthless. */
  static final Duration TICKET_LIFE = Duration.ofSeconds(60);

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject EntityManager em;
  @Inject SignOnLinks links;
  @Inject Settings settings;
  @Inject PasswordHasher hasher;
  @Inject Clock clock;
  @Inject Event<AccountChanged> changed;
  @Inject Event<LoginRecorded> recorded;
  @Inject Event<Notification> notifications;

  /** Whether this site has an identity provider to log in with. */
  public boolean offered() {
    return settings.signOnProvider().isPresent();
  }

  /** The provider's issuer address, when single sign-on is set up. */
  public Optional<String> provider() {
    return settings.signOnProvider();
  }

  /** This application's client id at the provider. */
  public String clientId() {
    return settings.signOnClientId();
  }

  /** Whether people reach the chat over HTTPS (behind a TLS proxy too), so cookies are Secure. */
  public boolean overHttps() {
    return settings.https();
  }

  /** The ID token's claim that lists the person's roles. */
  public String roleClaim() {
    return settings.signOnRoleClaim();
  }

  /**
   * The ticket that logs the provider's person in here, creating their account at the first login.
   * Refused when single sign-on is off, the provider named nobody, or the account was disabled or
   * erased here.
   */
  public String admit(ProviderIdentity who, String address) {
    if (!offered()) {
      throw Refused.forbidden("sso.off");
    }
    if (blank(who.issuer()) || blank(who.subject())) {
      throw Refused.invalid("sso.incomplete");
    }
    Role role =
        new SignOnRoles(settings.signOnStaffRoles(), settings.signOnAdminRoles()).of(who.roles());
    Instant now = clock.instant();
    Optional<Account> known =
        links.account(who.issuer(), who.subject()).map(id -> em.find(Account.class, id));
    Account account = known.orElseGet(() -> create(who, role, now, address));
    if (!account.isActive()) {
      throw Refused.forbidden("sso.disabled");
    }
    if (account.role() != role) {
      // Logins carry their role: the person's other sessions end with the change, as an
      // administrator's change ends them.
      account.changeRole(role, now);
      Caller person = Caller.of(account);
      changed.fire(
          new AccountChanged(
              AccountChanged.Kind.ROLE_CHANGED,
              person,
              person,
              null,
              address,
              "role " + role + " from the identity provider"));
      notifications.fire(new LoginsEnded(account.id(), account.loginsValidFrom(), false));
    }
    return links.issue(account.id(), now, now.plus(TICKET_LIFE));
  }

  /** The login a ticket carries, used up at once; a spent, expired or unknown one is wrong. */
  public LoginOutcome redeem(String ticket, String address) {
    String from = address == null ? "unknown" : address;
    if (!offered() || ticket == null || ticket.isEmpty() || ticket.length() > 100) {
      return LoginOutcome.wrong();
    }
    Optional<Account> account =
        links
            .redeem(ticket, clock.instant())
            .map(id -> em.find(Account.class, id))
            .filter(Account::isActive);
    if (account.isEmpty()) {
      return LoginOutcome.wrong();
    }
    Caller caller = Caller.of(account.get());
    recorded.fire(new LoginRecorded(LoginRecorded.Kind.SUCCEEDED, caller, null, from, null));
    return LoginOutcome.succeeded(caller);
  }

  /**
   * The provider says the person logged out there at {@code at} (its back-channel logout, with a
   * token the sign-on module verified): their chat logins made before then end too, on every
   * device. Logins made after it (the person logging straight back in) stay, however late the
   * provider's call arrives. A person the chat does not know is nothing to do.
   */
  public void loggedOutAtProvider(String issuer, String subject, Instant at) {
    // Tokens tell the time in whole seconds, cut down: the second they name counts whole, so a
    // login a moment before the logout ends too.
    Instant end = at.plusSeconds(1);
    Instant until = end.isAfter(clock.instant()) ? clock.instant() : end;
    links
        .account(issuer, subject)
        .map(id -> em.find(Account.class, id))
        .filter(
            account ->
                account.loginsValidFrom() == null || until.isAfter(account.loginsValidFrom()))
        .ifPresent(
            account -> {
              account.endLogins(until);
              notifications.fire(
                  new LoginsEnded(account.id(), account.loginsValidFrom(), !account.isActive()));
            });
  }

  /** Whether the person logs in through the provider (and so has no password of ours to change). */
  public boolean throughProvider(Caller caller) {
    return links.linked(caller.id());
  }

  private Account create(ProviderIdentity who, Role role, Instant now, String address) {
    // A password nobody knows: the account logs in only through the provider. Hashed before the
    // account is written, though the link lookup already holds a connection; this happens once
    // per person, and only for someone the provider authenticated.
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String unusable = hasher.hash(Base64.getEncoder().encodeToString(secret));
    String username = SignOnNames.username(who.preferredUsername(), who.email(), this::taken);
    Account account =
        new Account(username, SignOnNames.displayName(who.name(), username), unusable, role, now);
    em.persist(account);
    em.flush();
    links.link(who.issuer(), who.subject(), account.id(), now);
    Caller person = Caller.of(account);
    changed.fire(
        new AccountChanged(
            AccountChanged.Kind.CREATED,
            person,
            person,
            null,
            address,
            "created at the first login through the identity provider"));
    return account;
  }

  private boolean taken(String username) {
    return !em.createNamedQuery(Account.BY_USERNAME, Account.class)
        .setParameter("username", username)
        .getResultList()
        .isEmpty();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
