package com.consultchat.platform.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  void aMinutesWorthMayComeAtOnceThenTheWaitIsNamed() {
    TokenBucket bucket = new TokenBucket(60, 0);
    for (int i = 0; i < 60; i++) {
      assertThat(bucket.take(60, 0)).as("token %d", i).isZero();
    }
    assertThat(bucket.take(60, 0)).isEqualTo(1);
  }

  @Test
  void aClockReadBeforeAnotherThreadMadeTheBucketStillTakesAToken() {
    // One socket of a person read the clock at 5; the other read 10 and made the bucket first.
    TokenBucket bucket = new TokenBucket(60, 10);
    assertThat(bucket.take(60, 5)).isZero();
    assertThat(bucket.take(60, 10)).isZero();
  }

  @Test
  void anOlderClockReadingNeitherRefillsNorShortensAWait() {
    TokenBucket bucket = new TokenBucket(6, 0);
    for (int i = 0; i < 6; i++) {
      bucket.take(6, 10 * SECOND);
    }
    assertThat(bucket.take(6, 10 * SECOND)).isEqualTo(10);
    assertThat(bucket.take(6, 5 * SECOND)).isEqualTo(10);
    assertThat(bucket.take(6, 20 * SECOND)).isZero();
  }

  @Test
  void refillsContinuouslyAtTheRatePerMinute() {
    TokenBucket bucket = new TokenBucket(6, 0);
    for (int i = 0; i < 6; i++) {
      bucket.take(6, 0);
    }
    // Six a minute is one every ten seconds.
    assertThat(bucket.take(6, 0)).isEqualTo(10);
    assertThat(bucket.take(6, 10 * SECOND)).isZero();
    assertThat(bucket.take(6, 10 * SECOND)).isEqualTo(10);
  }

  @Test
  void onceRefusedRefusesUntilTheNamedWaitIsOverEvenIfATokenArrivesSooner() {
    TokenBucket bucket = new TokenBucket(120, 0);
    for (int i = 0; i < 120; i++) {
      bucket.take(120, 0);
    }
    // A token arrives every half second, but the refusal named a whole second.
    assertThat(bucket.take(120, 0)).isEqualTo(1);
    assertThat(bucket.take(120, SECOND / 2)).isEqualTo(1);
    assertThat(bucket.take(120, SECOND)).isZero();
    assertThat(bucket.take(120, SECOND)).isZero();
  }

  @Test
  void neverHoldsMoreThanAMinutesWorthAndFollowsALoweredAllowance() {
    TokenBucket bucket = new TokenBucket(10, 0);
    assertThat(bucket.full(10, 3600 * SECOND)).isTrue();
    for (int i = 0; i < 2; i++) {
      assertThat(bucket.take(2, 3600 * SECOND)).isZero();
    }
    assertThat(bucket.take(2, 3600 * SECOND)).isEqualTo(30);
    assertThat(bucket.full(2, 3600 * SECOND)).isFalse();
    assertThat(bucket.full(2, 3720 * SECOND)).isTrue();
  }
}
