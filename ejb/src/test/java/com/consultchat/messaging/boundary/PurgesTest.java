package com.consultchat.messaging.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PurgesTest {

  @Test
  void consecutiveNumbersMakeOneRunAndAKeptNumberSplitsThem() {
    assertThat(Purges.runs(List.of(1L, 2L, 3L, 5L, 6L, 9L)))
        .containsExactly(new PurgedRange(1, 3), new PurgedRange(5, 6), new PurgedRange(9, 9));
  }

  @Test
  void noNumbersNoRuns() {
    assertThat(Purges.runs(List.of())).isEmpty();
  }
}
