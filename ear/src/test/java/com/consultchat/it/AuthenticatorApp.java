package com.consultchat.it;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/** The phone app of two-step login, as the tests play it: codes from the key the page showed. */
final class AuthenticatorApp {

  private static final TimeBasedOneTimePasswordGenerator TOTP =
      new TimeBasedOneTimePasswordGenerator();

  private AuthenticatorApp() {}

  /** The six digits the app shows at that moment for the Base32 key. */
  static String code(String secret, Instant at) {
    try {
      return String.format(
          Locale.ROOT,
          "%06d",
          TOTP.generateOneTimePassword(
              new SecretKeySpec(new Base32().decode(secret), "HmacSHA1"), at));
    } catch (InvalidKeyException e) {
      throw new AssertionError(e);
    }
  }
}
