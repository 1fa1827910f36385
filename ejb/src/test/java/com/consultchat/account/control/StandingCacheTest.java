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
}
