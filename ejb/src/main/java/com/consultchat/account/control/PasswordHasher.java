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

/** Hashes passwords with the parameters of {@link PasswordHashes}, as the login verifies them. */
@ApplicationScoped
public class PasswordHasher {

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
