package com.consultchat.web.messaging.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PollVersionsTest {

  private final AtomicLong now = new AtomicLong();
  private final PollVersions versions = new PollVersions(now::get);

  @Test
  void aTokenStaysCurrentUntilSomethingOfItsConversationIsCommitted() {
    String token = versions.current(1, 7);
    assertThat(versions.current(1, 7)).isEqualTo(token);

    versions.changed(2);
    assertThat(versions.current(1, 7)).isEqualTo(token);

    versions.changed(1);
    assertThat(versions.current(1, 7)).isNotEqualTo(token);
  }

  @Test
  void aForgottenConversationNeverHandsOutAnOldTokenAgain() {
    String token = versions.current(1, 7);
    now.addAndGet(TimeUnit.MINUTES.toNanos(11));
    versions.sweep();

    assertThat(versions.current(1, 7)).isNotEqualTo(token);
  }

  @Test
  void anotherStartOfTheServerHasOtherTokens() {
    assertThat(new PollVersions(now::get).current(1, 7)).isNotEqualTo(versions.current(1, 7));
  }

  @Test
  void aTokenIsGoodOnlyForThePersonItWasGivenTo() {
    String mine = versions.current(1, 7);

    assertThat(versions.current(1, 8)).isNotEqualTo(mine);
    assertThat(versions.current(1, 7)).isEqualTo(mine);
  }
}
