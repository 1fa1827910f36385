package com.consultchat.web.sso.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;

/**
 * Checks the logout tokens of OpenID Connect back-channel logout: signed with one of the provider's
 * published keys, issued by it, for this client, recently, marked as a logout event and naming a
 * person. The provider's keys are found through its discovery document and cached by jose4j.
 */
@ApplicationScoped
public class LogoutTokens {

  static final String LOGOUT_EVENT = "http://schemas.openid.net/event/backchannel-logout";

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final Map<String, JwtConsumer> consumers = new ConcurrentHashMap<>();

  /** Who logged out at the provider (the token's subject), and when it said so. */
  public record LoggedOut(String subject, Instant at) {}

  /** The logout the token announces, or empty when it is no valid logout token. */
  public Optional<LoggedOut> read(String token, String issuer, String clientId) {
    if (token == null || token.isEmpty() || token.length() > 16_384) {
      return Optional.empty();
    }
    try {
      JwtClaims claims =
          consumers
              .computeIfAbsent(issuer + ' ' + clientId, key -> consumer(issuer, clientId))
              .processToClaims(token);
      return logout(claims)
          ? Optional.of(
              new LoggedOut(
                  claims.getSubject(),
                  Instant.ofEpochMilli(claims.getIssuedAt().getValueInMillis())))
          : Optional.empty();
    } catch (InvalidJwtException | MalformedClaimException | IllegalStateException e) {
      return Optional.empty();
    }
  }

  /** A logout event, and never an ID token (those carry a nonce), as the specification requires. */
  static boolean logout(JwtClaims claims) {
    return claims.getClaimValue("events") instanceof Map<?, ?> events
        && events.containsKey(LOGOUT_EVENT)
        && !claims.hasClaim("nonce");
  }

  private static JwtConsumer consumer(String issuer, String clientId) {
    HttpsJwks keys = new HttpsJwks(jwksUri(issuer));
    return new JwtConsumerBuilder()
        .setExpectedIssuer(issuer)
        .setExpectedAudience(clientId)
        .setRequireIssuedAt()
        .setIssuedAtRestrictions(120, 120)
        .setRequireSubject()
        .setAllowedClockSkewInSeconds(60)
        .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(keys))
        .setJwsAlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT,
            AlgorithmIdentifiers.RSA_USING_SHA256,
            AlgorithmIdentifiers.RSA_USING_SHA384,
            AlgorithmIdentifiers.RSA_USING_SHA512,
            AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
            AlgorithmIdentifiers.ECDSA_USING_P384_CURVE_AND_SHA384,
            AlgorithmIdentifiers.RSA_PSS_USING_SHA256)
        .build();
  }

  /** The provider's key set, from its discovery document. */
  private static String jwksUri(String issuer) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(issuer + "/.well-known/openid-configuration"))
            .timeout(TIMEOUT)
            .build();
    try {
      HttpResponse<String> answer =
          HttpClient.newBuilder()
              .connectTimeout(TIMEOUT)
              .version(HttpClient.Version.HTTP_1_1)
              .build()
              .send(request, HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("Discovery answered " + answer.statusCode());
      }
      try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
        JsonObject discovery = reader.readObject();
        return discovery.getString("jwks_uri");
      }
    } catch (IOException e) {
      throw new IllegalStateException("Discovery failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Discovery interrupted", e);
    }
  }
}
