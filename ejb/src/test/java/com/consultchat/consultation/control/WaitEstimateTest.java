package com.consultchat.consultation.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaitEstimateTest {

  private static Duration minutes(long minutes) {
    return Duration.ofMinutes(minutes);
  }

  @Test
  void tooFewRecentWaitsPromiseNothing() {
    assertThat(WaitEstimate.of(List.of(minutes(4), minutes(6)))).isEmpty();
  }

  @Test
  void oneNightInTheQueueDoesNotMoveTheMedian() {
    assertThat(WaitEstimate.of(List.of(minutes(4), minutes(12 * 60), minutes(6), minutes(5))))
        .contains(Duration.ofMinutes(6)); // (5 + 6) / 2 rounded up to whole minutes
  }

  @Test
  void longWaitsAreRoundedToQuarterHours() {
    assertThat(WaitEstimate.of(List.of(minutes(50), minutes(70), minutes(80))))
        .contains(Duration.ofMinutes(75));
  }

  @Test
  void secondsBecomeAMinute() {
    assertThat(
            WaitEstimate.of(
                List.of(Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(40))))
        .contains(Duration.ofMinutes(1));
  }
}
