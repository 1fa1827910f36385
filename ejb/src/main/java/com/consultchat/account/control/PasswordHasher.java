package com.consultchat.account.control;

import static com.consultchat.account.boundary.PasswordHashes.ALGORITHM;
import static com.consultchat.account.boundary.PasswordHashes.ITERATIONS;
import static com.consultchat.account.boundary.PasswordHashes.KEY_SIZE;
import static com.consultchat.account.boundary.PasswordHashes.SALT_SIZE;

import com.consultchat.account.boundary.PasswordHashes;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import java.util.UUID;

/**
 * Hashes and checks passwords with the parameters of {@link PasswordHashes}, always on the {@link
 * KeyDerivation} pool.
 */
@ApplicationScoped
public class PasswordHasher {

  @Inject Pbkdf2PasswordHash pbkdf2;
  @Inject KeyDerivation keyDerivation;

  /** Checked when a username has no active account, so that it costs what a real check costs. */
  private String dummyHash;

  @PostConstruct
  void configure() {
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", value(ALGORITHM),
            "Pbkdf2PasswordHash.Iterations", value(ITERATIONS),
            "Pbkdf2PasswordHash.SaltSizeBytes", value(SALT_SIZE),
            "Pbkdf2PasswordHash.KeySizeBytes", value(KEY_SIZE)));
    dummyHash = pbkdf2.generate(UUID.randomUUID().toString().toCharArray());
  }

  public String hash(String password) {
    return keyDerivation.run(() -> pbkdf2.generate(password.toCharArray()));
  }

  public boolean verify(String password, String storedHash) {
    return keyDerivation.run(() -> pbkdf2.verify(password.toCharArray(), storedHash));
  }

  /** Spends the time of a real check and answers no. */
  public boolean verifyNobody(String password) {
    verify(password, dummyHash);
    return false;
  }

  private static String value(String parameter) {
    return parameter.substring(parameter.indexOf('=') + 1);
  }
}
