package com.consultchat.web.messaging.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class QuietPollsTest {

  private static final long CONVERSATION = 5;
  private static final long PERSON = 7;

  private final AtomicLong now = new AtomicLong(1);
  private final QuietPolls polls = new QuietPolls();

  QuietPollsTest() {
    polls.sessions = new PollSessions(now::get, 2);
    polls.versions = new PollVersions(now::get);
    polls.typing = new RecentTyping(now::get);
    polls.signals = new PollSignals(now::get);
    polls.meters = new MessagingMeters();
  }

  /** What the full stack does for a member's poll it answered with a version token. */
  private String fullAnswer(String session) {
    polls.sessions.claim(session, CONVERSATION);
    polls.sessions.checked(session, PERSON);
    return polls.versions.current(CONVERSATION, PERSON);
  }

  private void afterTheFloor() {
    now.addAndGet(TimeUnit.SECONDS.toNanos(2));
  }

  @Test
  void aQuietPollOfACheckedSessionIsAnsweredWithWhoIsTypingAndWhatWasPushed() {
    String token = fullAnswer("s");
    polls.typing.typed(CONVERSATION, 8, "Dr Weber");
    polls.typing.typed(CONVERSATION, PERSON, "Me");
    polls.signals.leave(CONVERSATION, PERSON, "{\"type\":\"emergency\"}");
    afterTheFloor();

    assertThat(polls.answer("s", CONVERSATION, token))
        .hasValueSatisfying(
            frames ->
                assertThat(frames)
                    .startsWith("[{\"account\":8,")
                    .contains("\"type\":\"typing\"", "Dr Weber")
                    .doesNotContain("\"Me\"")
                    .endsWith(",{\"type\":\"emergency\"}]"));
    // Once typing has faded, and the pushed frame was told once: nothing at all.
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(ServerFrame.TYPING_SHOWN_MILLIS));
    assertThat(polls.answer("s", CONVERSATION, token)).hasValue("[]");
  }

  @Test
  void everythingElseIsLeftToTheFullStack() {
    String token = fullAnswer("s");
    afterTheFloor();

    assertThat(polls.answer("unknown", CONVERSATION, token)).as("never checked").isEmpty();
    assertThat(polls.answer("s", CONVERSATION + 1, token)).as("another conversation").isEmpty();
    assertThat(polls.answer("s", CONVERSATION, "1.0000")).as("a made-up token").isEmpty();

    polls.versions.changed(CONVERSATION);
    assertThat(polls.answer("s", CONVERSATION, token)).as("something was committed").isEmpty();
  }

  @Test
  void aTokenHandedToOnePersonIsNotAnsweredForAnotherPersonsSession() {
    String token = fullAnswer("s");
    polls.sessions.checked("stranger", PERSON + 1);
    afterTheFloor();

    assertThat(polls.answer("stranger", CONVERSATION, token)).isEmpty();
  }

  @Test
  void aPollTooSoonAnEndedSessionOrAnOldCheckGoesToTheFullStack() {
    String token = fullAnswer("s");
    assertThat(polls.answer("s", CONVERSATION, token)).as("sooner than the floor").isEmpty();

    afterTheFloor();
    polls.sessions.ended("s");
    assertThat(polls.answer("s", CONVERSATION, token)).as("logged out").isEmpty();

    String again = fullAnswer("t");
    now.addAndGet(PollSessions.RECHECK_NANOS);
    assertThat(polls.answer("t", CONVERSATION, again)).as("due for the full checks").isEmpty();
  }
}
