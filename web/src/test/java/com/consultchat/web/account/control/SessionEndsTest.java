package com.consultchat.web.account.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionEndsTest {

  @Test
  void aSessionUnusedForItsWholeTimeoutTimedOut() {
    assertThat(SessionEnds.timedOut(0, 900, 900_000)).isTrue();
  }

  @Test
  void aSessionDestroyedBeforeItsTimeoutWasEndedByItsOwnerOrTheServer() {
    assertThat(SessionEnds.timedOut(0, 900, 899_999)).isFalse();
    assertThat(SessionEnds.timedOut(0, 0, 5_000_000)).isFalse();
  }
}
