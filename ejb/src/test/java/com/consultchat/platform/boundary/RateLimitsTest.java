package com.consultchat.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consultchat.platform.boundary.RateLimits.Kind;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitsTest {

  private final Properties properties = new Properties();
  private final AtomicLong now = new AtomicLong();
  private final RateLimits limits = new RateLimits(now::get);

  {
    limits.settings = new Settings(properties, Map.of());
    properties.setProperty("consultchat.rate.messages.per.minute", "3");
    properties.setProperty("consultchat.rate.actions.per.minute", "2");
  }

  @Test
  void eachPersonAndKindHasItsOwnAllowance() {
    for (int i = 0; i < 3; i++) {
      assertThat(limits.tryToSpend(1, Kind.MESSAGES)).isZero();
    }
    assertThat(limits.tryToSpend(1, Kind.MESSAGES)).isEqualTo(20);
    assertThat(limits.tryToSpend(2, Kind.MESSAGES)).isZero();
    assertThat(limits.tryToSpend(1, Kind.ACTIONS)).isZero();
    assertThat(limits.tryToSpend(1, Kind.FRAMES)).isZero();
  }

  @Test
  void aRefusalSaysHowLongToWait() {
    limits.spend(7, Kind.ACTIONS);
    limits.spend(7, Kind.ACTIONS);
    assertThatThrownBy(() -> limits.spend(7, Kind.ACTIONS))
        .isInstanceOfSatisfying(
            RateLimited.class,
            limited -> {
              assertThat(limited.reason()).isEqualTo(Refused.Reason.RATE_LIMITED);
              assertThat(limited.retryAfterSeconds()).isEqualTo(30);
              assertThat(limited.getMessage()).isEqualTo("rate-limited");
              assertThat(limited.arguments()).containsExactly(30);
            });
  }

  @Test
  void anOperatorsChangeCountsAtOnce() {
    for (int i = 0; i < 3; i++) {
      limits.spend(9, Kind.MESSAGES);
    }
    properties.setProperty("consultchat.rate.messages.per.minute", "600");
    now.addAndGet(1_000_000_000L);
    assertThat(limits.tryToSpend(9, Kind.MESSAGES)).isZero();
  }
}
