package com.consultchat.web.messaging.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PollSessionsTest {

  private final AtomicLong now = new AtomicLong(1);
  private final PollSessions sessions = new PollSessions(now::get, 2);

  @Test
  void aSecondPollOfAConversationWithinTheFloorIsNotCounted() {
    assertThat(sessions.claim("s", 1)).isTrue();
    assertThat(sessions.claim("s", 2)).isTrue();
    assertThat(sessions.claim("other", 1)).isTrue();

    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(1_500));
    assertThat(sessions.claim("s", 1)).isFalse();

    // Timers drift: 1.7 s after the last counted poll is within the floor's tolerance.
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(200));
    assertThat(sessions.claim("s", 1)).isTrue();
  }

  @Test
  void aCheckStandsForItsPersonOnlyUntilTheNextRecheck() {
    assertThat(sessions.recentlyChecked("s")).isEmpty();

    sessions.checked("s", 7);
    assertThat(sessions.recentlyChecked("s")).hasValue(7);
    assertThat(sessions.recentlyChecked("other")).isEmpty();

    now.addAndGet(PollSessions.RECHECK_NANOS - 1);
    assertThat(sessions.recentlyChecked("s")).hasValue(7);
    now.addAndGet(1);
    assertThat(sessions.recentlyChecked("s")).isEmpty();
  }

  @Test
  void anEndedSessionIsNeverCheckedAgainNotEvenByAPollStillRunning() {
    sessions.claim("s", 1);
    sessions.checked("s", 7);

    sessions.ended("s");
    assertThat(sessions.recentlyChecked("s")).isEmpty();

    sessions.checked("s", 7);
    assertThat(sessions.recentlyChecked("s")).isEmpty();
  }

  @Test
  void sessionsThatStoppedPollingAreForgotten() {
    sessions.claim("idle", 1);
    now.addAndGet(PollSessions.IDLE_NANOS / 2);
    sessions.claim("busy", 1);
    sessions.ended("gone");
    now.addAndGet(PollSessions.IDLE_NANOS / 2 + 1);

    sessions.sweep();

    assertThat(sessions.size()).isEqualTo(2);
    now.addAndGet(PollSessions.IDLE_NANOS);
    sessions.sweep();
    assertThat(sessions.size()).isZero();
  }
}
