package com.consultchat.account.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ThrottleTest {

  private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
  private static final Duration LOCKOUT = Duration.ofMinutes(15);

  private final Throttle throttle =
      new Throttle(
          new Throttle.Policy(3, Duration.ofSeconds(1), Duration.ofSeconds(10), 8, LOCKOUT));

  @Test
  void theFreeFailuresNeedNoWait() {
    fail(3, T0);

    assertThat(throttle.check("anna", T0)).isInstanceOf(Throttle.Verdict.Allowed.class);
  }

  @Test
  void eachFailureAfterTheFreeOnesDoublesTheWaitUpToTheMaximum() {
    fail(4, T0);
    assertThat(throttle.check("anna", T0)).isEqualTo(new Throttle.Verdict.Wait(seconds(1)));
    throttle.failed("anna", T0);
    assertThat(throttle.check("anna", T0)).isEqualTo(new Throttle.Verdict.Wait(seconds(2)));
    throttle.failed("anna", T0);
    assertThat(throttle.check("anna", T0)).isEqualTo(new Throttle.Verdict.Wait(seconds(4)));
    throttle.failed("anna", T0);
    assertThat(throttle.check("anna", T0)).isEqualTo(new Throttle.Verdict.Wait(seconds(8)));
  }

  @Test
  void theWaitIsCountedFromTheLastFailure() {
    fail(5, T0);

    assertThat(throttle.check("anna", T0.plusMillis(1500)))
        .isEqualTo(new Throttle.Verdict.Wait(Duration.ofMillis(500)));
    assertThat(throttle.check("anna", T0.plusSeconds(2)))
        .isInstanceOf(Throttle.Verdict.Allowed.class);
  }

  @Test
  void theFailureThatReachesTheLimitLocksTheKeyAndSaysUntilWhen() {
    fail(7, T0);

    assertThat(throttle.failed("anna", T0)).contains(T0.plus(LOCKOUT));
    assertThat(throttle.check("anna", T0.plusSeconds(60)))
        .isEqualTo(new Throttle.Verdict.Locked(T0.plus(LOCKOUT)));
    assertThat(throttle.failed("anna", T0.plusSeconds(61))).isEmpty();
    assertThat(throttle.lockedUntil("anna", T0.plusSeconds(61))).contains(T0.plus(LOCKOUT));
  }

  @Test
  void aLockoutLiftsItselfAfterTheLockoutTimeAndTheCountStartsAfresh() {
    fail(8, T0);

    Instant later = T0.plus(LOCKOUT);
    assertThat(throttle.check("anna", later)).isInstanceOf(Throttle.Verdict.Allowed.class);
    assertThat(throttle.lockedUntil("anna", later)).isEmpty();
    throttle.failed("anna", later);
    assertThat(throttle.check("anna", later)).isInstanceOf(Throttle.Verdict.Allowed.class);
  }

  @Test
  void clearingUnlocksAtOnce() {
    fail(8, T0);

    throttle.clear("anna");

    assertThat(throttle.check("anna", T0)).isInstanceOf(Throttle.Verdict.Allowed.class);
  }

  @Test
  void keysAreCountedApartAndQuietOnesAreForgotten() {
    fail(5, T0);

    assertThat(throttle.check("bert", T0)).isInstanceOf(Throttle.Verdict.Allowed.class);
    Instant quietSince = T0.plus(LOCKOUT);
    throttle.failed("anna", quietSince);
    assertThat(throttle.check("anna", quietSince)).isInstanceOf(Throttle.Verdict.Allowed.class);
  }

  private void fail(int times, Instant at) {
    for (int i = 0; i < times; i++) {
      throttle.failed("anna", at);
    }
  }

  private static Duration seconds(long seconds) {
    return Duration.ofSeconds(seconds);
  }
}
