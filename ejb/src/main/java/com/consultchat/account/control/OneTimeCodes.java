package com.consultchat.account.control;

import com.consultchat.platform.boundary.Sha256;
import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/**
 * The arithmetic of the second factor: TOTP secrets and codes as authenticator apps know them (RFC
 * 6238: HMAC-SHA1, 6 digits, 30-second steps), and recovery codes.
 */
@ApplicationScoped
public class OneTimeCodes {

  /** 160 bits, the size RFC 4226 recommends for HMAC-SHA1 keys. */
  private static final int SECRET_BYTES = 20;

  /** A step either side of now, for phones whose clocks drift by up to half a minute. */
  private static final int DRIFT_STEPS = 1;

  public static final int RECOVERY_CODES = 10;

  /** Characters people cannot mistake for each other (no 0/O, 1/I/L). */
  private static final char[] RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

  private final SecureRandom random = new SecureRandom();
  private final TimeBasedOneTimePasswordGenerator generator =
      new TimeBasedOneTimePasswordGenerator();

  /** A new random secret, in the Base32 apps read. */
  public String newSecret() {
    byte[] bytes = new byte[SECRET_BYTES];
    random.nextBytes(bytes);
    return new Base32().encodeToString(bytes).replace("=", "");
  }

  /** The time step a code of this moment belongs to. */
  public long step(Instant at) {
    return at.getEpochSecond() / generator.getTimeStep().getSeconds();
  }

  /**
   * The step whose code {@code given} is, if it is one of the steps around {@code now} later than
   * {@code lastStep} (so no code is accepted twice).
   */
  public OptionalLong match(String secret, String given, Instant now, long lastStep) {
    String digits = given == null ? "" : given.replaceAll("\\s", "");
    if (!digits.matches("\\d{6}")) {
      return OptionalLong.empty();
    }
    SecretKeySpec key = new SecretKeySpec(new Base32().decode(secret), "HmacSHA1");
    long current = step(now);
    for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
      if (step > lastStep
          && MessageDigest.isEqual(code(key, step), digits.getBytes(StandardCharsets.US_ASCII))) {
        return OptionalLong.of(step);
      }
    }
    return OptionalLong.empty();
  }

  private byte[] code(SecretKeySpec key, long step) {
    try {
      int code =
          generator.generateOneTimePassword(
              key, Instant.ofEpochSecond(step * generator.getTimeStep().getSeconds()));
      return String.format(Locale.ROOT, "%06d", code).getBytes(StandardCharsets.US_ASCII);
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("A stored second-factor secret is not a key", e);
    }
  }

  /** Fresh recovery codes, as the person writes them down: {@code xxxxx-xxxxx} (about 50 bits). */
  public List<String> newRecoveryCodes() {
    List<String> codes = new ArrayList<>();
    for (int i = 0; i < RECOVERY_CODES; i++) {
      StringBuilder code = new StringBuilder();
      for (int c = 0; c < 10; c++) {
        if (c == 5) {
          code.append('-');
        }
        code.append(RECOVERY_ALPHABET[random.nextInt(RECOVERY_ALPHABET.length)]);
      }
      codes.add(code.toString());
    }
    return codes;
  }

  /** How a recovery code is kept and looked up: typed in any case, with or without the dash. */
  public static String hash(String recoveryCode) {
    String canonical =
        recoveryCode == null
            ? ""
            : recoveryCode.strip().toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "");
    return Sha256.hex(canonical);
  }
}
