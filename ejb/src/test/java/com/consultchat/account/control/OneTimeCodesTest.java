package com.consultchat.account.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OneTimeCodesTest {

  /** RFC 6238's SHA-1 test key, "12345678901234567890", in Base32. */
  private static final String RFC_KEY = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

  private final OneTimeCodes codes = new OneTimeCodes();

  @Test
  void readsTheRfcTestVectorsAsSixDigitCodes() {
    // RFC 6238 appendix B: 94287082 at T = 59 s and 07081804 at T = 1111111109 s (last six digits).
    assertThat(codes.match(RFC_KEY, "287082", Instant.ofEpochSecond(59), 0)).hasValue(1);
    assertThat(codes.match(RFC_KEY, "081804", Instant.ofEpochSecond(1_111_111_109L), 0))
        .hasValue(37_037_036);
    assertThat(codes.match(RFC_KEY, "287 082", Instant.ofEpochSecond(59), 0)).hasValue(1);
  }

  @Test
  void acceptsOneStepOfClockDriftEitherWayAndNoMore() {
    Instant stepOne = Instant.ofEpochSecond(59);
    assertThat(codes.match(RFC_KEY, "287082", stepOne.plusSeconds(30), 0)).hasValue(1);
    assertThat(codes.match(RFC_KEY, "287082", stepOne.minusSeconds(30), 0)).hasValue(1);
    assertThat(codes.match(RFC_KEY, "287082", stepOne.plusSeconds(60), 0)).isEmpty();
  }

  @Test
  void neverAcceptsACodeOfAStepAlreadySpentOrWhatIsNotSixDigits() {
    assertThat(codes.match(RFC_KEY, "287082", Instant.ofEpochSecond(59), 1)).isEmpty();
    assertThat(codes.match(RFC_KEY, "28708", Instant.ofEpochSecond(59), 0)).isEmpty();
    assertThat(codes.match(RFC_KEY, "abcdef", Instant.ofEpochSecond(59), 0)).isEmpty();
    assertThat(codes.match(RFC_KEY, null, Instant.ofEpochSecond(59), 0)).isEmpty();
  }

  @Test
  void newSecretsAreRandomBase32Of160Bits() {
    String secret = codes.newSecret();
    assertThat(secret).matches("[A-Z2-7]{32}").isNotEqualTo(codes.newSecret());
  }

  @Test
  void recoveryCodesAreDistinctReadableAndFoundHoweverTheyAreTyped() {
    List<String> recovery = codes.newRecoveryCodes();
    assertThat(recovery)
        .hasSize(OneTimeCodes.RECOVERY_CODES)
        .doesNotHaveDuplicates()
        .allMatch(code -> code.matches("[a-z2-9]{5}-[a-z2-9]{5}"));
    String code = recovery.get(0);
    assertThat(OneTimeCodes.hash(" " + code.toUpperCase() + " "))
        .isEqualTo(OneTimeCodes.hash(code))
        .isEqualTo(OneTimeCodes.hash(code.replace("-", "")))
        .hasSize(64);
  }
}
