package com.consultchat.account.boundary;

/**
 * How passwords are hashed: PBKDF2 with HMAC-SHA-512 at 210,000 iterations (OWASP, ASVS). Shared by
 * the sign-up path and the login's identity store definition, whose annotation needs them as
 * constants. The stored hash carries its parameters, so raising them later leaves old hashes
 * verifiable.
 */
public final class PasswordHashes {

  public static final String ALGORITHM = "Pbkdf2PasswordHash.Algorithm=PBKDF2WithHmacSHA512";
  public static final String ITERATIONS = "Pbkdf2PasswordHash.Iterations=210000";
  public static final String SALT_SIZE = "Pbkdf2PasswordHash.SaltSizeBytes=32";
  public static final String KEY_SIZE = "Pbkdf2PasswordHash.KeySizeBytes=64";

  private PasswordHashes() {}
}
