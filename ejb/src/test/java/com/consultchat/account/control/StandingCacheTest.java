package com.consultchat.account.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.consultchat.account.control.StandingCache.Standing;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StandingCacheTest {

  private static final Instant ENDED = Instant.parse("2026-11-30T06:00:00Z");

  @Test
  void aLoginBeforeTheEndIsRefusedAndOneAfterItCounts() {
    Standing standing = new Standing(true, ENDED);
    assertThat(standing.admits(ENDED.minusMillis(1))).isFalse();
    assertThat(standing.admits(ENDED)).isTrue();
    assertThat(standing.admits(ENDED.plusSeconds(60))).isTrue();
  }

  @Test
  void aDisabledAccountAdmitsNoLoginAtAll() {
    assertThat(new Standing(false, null).admits(Instant.MAX)).isFalse();
    assertThat(new Standing(true, null).admits(Instant.EPOCH)).isTrue();
  }

  @Test
  void whatWasReadCountsForAFewSecondsAndIsForgottenOnAChange() {
    StandingCache cache = new StandingCache();
    cache.put(7, new Standing(true, null), 0);
    assertThat(cache.fresh(7, StandingCache.KEEP_NANOS - 1)).isPresent();
    assertThat(cache.fresh(7, StandingCache.KEEP_NANOS)).isEmpty();
    assertThat(cache.known(7)).isPresent();
    cache.forget(7);
    assertThat(cache.known(7)).isEmpty();
  }

  @Test
  void sweepsWithoutAGapKeepAnActiveAccountFreshFromWhenItWasRead() {
    StandingCache cache = new StandingCache();
    long keep = StandingCache.KEEP_NANOS;
    cache.swept(0, 10);
    cache.put(7, new Standing(true, null), 20);
    // The next sweeps look back past the last one: each vouches for what was read since.
    cache.swept(5, 30);
    cache.swept(25, 30 + keep);
    cache.swept(30, 30 + 2 * keep);
    assertThat(cache.fresh(7, 30 + 3 * keep - 1)).isPresent();
    assertThat(cache.fresh(7, 30 + 3 * keep)).isEmpty();
  }

  @Test
  void aSweepReadBeforeTheEntryVouchesForNothingAndAGapEndsTheVouching() {
    StandingCache cache = new StandingCache();
    long keep = StandingCache.KEEP_NANOS;
    cache.swept(0, 10);
    cache.put(7, new Standing(true, null), 20);
    assertThat(cache.fresh(7, 20 + keep)).isEmpty();

    cache.swept(5, 30);
    assertThat(cache.fresh(7, 30 + keep - 1)).isPresent();
    // A sweep that does not reach back to the last one's time: a change in between may be missed.
    cache.swept(40, 50 + keep);
    assertThat(cache.fresh(7, 30 + keep)).isEmpty();
    cache.put(8, new Standing(true, null), 45);
    assertThat(cache.fresh(8, 50 + 2 * keep - 1)).isPresent();
  }

  @Test
  void aRefusalIsNeverVouchedForBecauseAnAccountEnabledAgainIsNotReported() {
    StandingCache cache = new StandingCache();
    long keep = StandingCache.KEEP_NANOS;
    cache.put(7, new Standing(false, ENDED), 20);
    cache.swept(0, 30);
    cache.swept(25, 30 + keep);
    assertThat(cache.fresh(7, 20 + keep - 1)).isPresent();
    assertThat(cache.fresh(7, 20 + keep)).isEmpty();
  }
}
