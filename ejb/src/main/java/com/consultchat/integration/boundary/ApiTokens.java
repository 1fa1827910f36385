package com.consultchat.integration.boundary;

import com.consultchat.account.boundary.Accounts;
import com.consultchat.account.boundary.Caller;
import com.consultchat.audit.boundary.AuditAction;
import com.consultchat.audit.boundary.AuditLog;
import com.consultchat.audit.boundary.AuditTarget;
import com.consultchat.integration.entity.ApiToken;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.platform.boundary.Sha256;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * API tokens: administrators create them for another system of the site, naming the account the
 * system acts as and what it may do; the REST API accepts a token's bearer until it expires or is
 * revoked. Only a token's SHA-256 is stored, so the database never holds a usable secret.
 */
@Stateless
public class ApiTokens {

  /** A recognisable prefix, so that a leaked token is easy to find in code and logs. */
  static final String PREFIX = "cc_";

  static final int MAX_DAYS = 730;

  /**
   * A token's last use is written at most this often: a busy integration would write on every call.
   */
  private static final Duration USE_GRANULARITY = Duration.ofMinutes(1);

  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject EntityManager em;
  @Inject Accounts accounts;
  @Inject AuditLog auditLog;
  @Inject Clock clock;

  /** A new token; its secret is returned once and never again. */
  public IssuedToken create(
      Caller admin, String name, String actingUsername, Set<ApiScope> scopes, int days) {
    requireAdmin(admin);
    String label = name == null ? "" : name.strip();
    if (label.isEmpty() || label.length() > 80) {
      throw Refused.invalid("api.token.name");
    }
    if (scopes == null || scopes.isEmpty()) {
      throw Refused.invalid("api.token.scopes");
    }
    if (days < 1 || days > MAX_DAYS) {
      throw Refused.invalid("api.token.days", MAX_DAYS);
    }
    Caller acting =
        accounts
            .caller(actingUsername)
            .flatMap(found -> accounts.activeCaller(found.id()))
            .orElseThrow(() -> Refused.invalid("api.token.account"));
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    Instant now = clock.instant();
    ApiToken token =
        new ApiToken(
            label,
            acting.id(),
            hash(secret),
            scopes.stream().map(ApiScope::wireName).sorted().collect(Collectors.joining(" ")),
            admin.id(),
            now,
            now.plus(Duration.ofDays(days)));
    em.persist(token);
    em.flush();
    auditLog.record(
        admin,
        true,
        AuditAction.API_TOKEN_CREATED,
        AuditTarget.ACCOUNT,
        acting.id(),
        "token " + token.id() + ", scopes " + token.scopes() + ", " + days + " days");
    return new IssuedToken(token.id(), secret, token.expiresAt());
  }

  public List<TokenItem> list(Caller admin) {
    requireAdmin(admin);
    Instant now = clock.instant();
    return em.createNamedQuery(ApiToken.ALL, ApiToken.class)
        .setMaxResults(500)
        .getResultStream()
        .map(
            token ->
                new TokenItem(
                    token.id(),
                    token.name(),
                    accounts.caller(token.accountId()).map(Caller::username).orElse("?"),
                    Arrays.asList(token.scopes().split(" ")),
                    token.createdAt(),
                    token.expiresAt(),
                    token.revokedAt(),
                    token.lastUsedAt(),
                    token.usableAt(now)))
        .toList();
  }

  public void revoke(Caller admin, long tokenId) {
    requireAdmin(admin);
    ApiToken token = em.find(ApiToken.class, tokenId);
    if (token == null) {
      throw Refused.notFound("api.token.unknown");
    }
    token.revoke(clock.instant());
    auditLog.record(
        admin,
        true,
        AuditAction.API_TOKEN_REVOKED,
        AuditTarget.ACCOUNT,
        token.accountId(),
        "token " + token.id());
  }

  /**
   * The grant of a presented secret: empty for an unknown, expired or revoked token, or one whose
   * account can no longer be used. Never says which.
   */
  public Optional<ApiGrant> authenticate(String secret) {
    if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Optional<ApiToken> found =
        em.createNamedQuery(ApiToken.BY_HASH, ApiToken.class)
            .setParameter("hash", hash(secret))
            .getResultStream()
            .findFirst()
            .filter(token -> token.usableAt(now));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    ApiToken token = found.get();
    Optional<Caller> caller = accounts.activeCaller(token.accountId());
    if (caller.isEmpty()) {
      return Optional.empty();
    }
    if (token.lastUsedAt() == null || token.lastUsedAt().plus(USE_GRANULARITY).isBefore(now)) {
      token.usedAt(now);
    }
    Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
    for (String name : token.scopes().split(" ")) {
      ApiScope.of(name).ifPresent(scopes::add);
    }
    return Optional.of(new ApiGrant(token.id(), caller.get(), Set.copyOf(scopes)));
  }

  static String hash(String secret) {
    return Sha256.hex(secret);
  }

  private static void requireAdmin(Caller caller) {
    if (!caller.isAdmin()) {
      throw Refused.forbidden("api.token.admin");
    }
  }
}
