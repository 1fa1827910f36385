package com.consultchat.account.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Hashes passwords the way the login's identity store verifies them: PBKDF2 with HMAC-SHA-512 at
 * 210,000 iterations (OWASP/ASVS). The stored string carries its parameters, so raising them later
 * leaves old hashes verifiable.
 */
@ApplicationScoped
public class PasswordHasher {

  /**
   * Shared with the identity store definition in the web module; annotation values must be
   * constants.
   */
  public static final String ALGORITHM = "Pbkdf2PasswordHash.Algorithm=PBKDF2WithHmacSHA512";

  public static final String ITERATIONS = "Pbkdf2PasswordHash.Iterations=210000";
  public static final String SALT_SIZE = "Pbkdf2PasswordHash.SaltSizeBytes=32";
  public static final String KEY_SIZE = "Pbkdf2PasswordHash.KeySizeBytes=64";

  @Inject Pbkdf2PasswordHash pbkdf2;

  @PostConstruct
  void configure() {
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", value(ALGORITHM),
            "Pbkdf2PasswordHash.Iterations", value(ITERATIONS),
            "Pbkdf2PasswordHash.SaltSizeBytes", value(SALT_SIZE),
            "Pbkdf2PasswordHash.KeySizeBytes", value(KEY_SIZE)));
  }

  public String hash(String password) {
    return pbkdf2.generate(password.toCharArray());
  }

  public boolean verify(String password, String storedHash) {
    return pbkdf2.verify(password.toCharArray(), storedHash);
  }

  private static String value(String parameter) {
    return parameter.substring(parameter.indexOf('=') + 1);
  }
}
