package com.consultchat.web.messaging.control;

import static com.consultchat.web.messaging.control.SessionRegistryTest.ANNA;
import static com.consultchat.web.messaging.control.SessionRegistryTest.BEN;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.websocket.CloseReason;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PersonLanesTest {

  private final QueuedExecutor executor = new QueuedExecutor();
  private final SessionRegistry registry = new SessionRegistry();
  private final PersonLanes lanes = new PersonLanes(registry, new FanOut(2, executor));

  @Test
  void anAnswerWaitsBehindWhatWasHandedToItsPersonBefore() {
    FakeSocket socket = new FakeSocket("s1");
    SessionChannel anna = registry.open(socket.session, ANNA);

    lanes.toPeople(List.of(ANNA.id()), "message");
    lanes.toSocket(anna, "ack");
    assertThat(socket.sent).isEmpty();
    executor.runAll();

    assertThat(socket.sent).containsExactly("message", "ack");
  }

  @Test
  void aFrameForAPersonGoesToEachOfTheirSocketsAndNoOthers() {
    FakeSocket first = new FakeSocket("s1");
    FakeSocket second = new FakeSocket("s2");
    FakeSocket other = new FakeSocket("s3");
    registry.open(first.session, ANNA);
    registry.open(second.session, ANNA);
    registry.open(other.session, BEN);

    lanes.toPeople(List.of(ANNA.id(), 99L), "message");
    executor.runAll();

    assertThat(first.sent).containsExactly("message");
    assertThat(second.sent).containsExactly("message");
    assertThat(other.sent).isEmpty();
  }

  @Test
  void theQueueGoesToStaffOnlyAndThroughTheirLanes() {
    FakeSocket patient = new FakeSocket("s1");
    FakeSocket staff = new FakeSocket("s2");
    registry.open(patient.session, ANNA);
    registry.open(staff.session, BEN);

    lanes.toPeople(List.of(BEN.id()), "message");
    lanes.toStaff("queue");
    assertThat(staff.sent).isEmpty();
    executor.runAll();

    assertThat(staff.sent).containsExactly("message", "queue");
    assertThat(patient.sent).isEmpty();
  }

  @Test
  void eachSocketGetsItsOwnFrameInItsPersonsLane() {
    FakeSocket first = new FakeSocket("s1");
    FakeSocket second = new FakeSocket("s2");
    SessionChannel anna = registry.open(first.session, ANNA);
    SessionChannel ben = registry.open(second.session, BEN);

    lanes.toPeople(List.of(ANNA.id(), BEN.id()), "message");
    lanes.toSockets(Map.of(anna, "presence 7", ben, "presence 8"));
    executor.runAll();

    assertThat(first.sent).containsExactly("message", "presence 7");
    assertThat(second.sent).containsExactly("message", "presence 8");
  }

  @Test
  void aSocketThatFallsAFullQueueBehindIsClosedToTryAgainLater() {
    FakeSocket slow = new FakeSocket("s1").stalled();
    registry.open(slow.session, ANNA);

    // A full queue, part of it handed to the container; the next one is one too many.
    IntStream.rangeClosed(0, SessionChannel.QUEUE_LIMIT)
        .forEach(i -> lanes.toPeople(List.of(ANNA.id()), "frame " + i));
    executor.runAll();

    assertThat(slow.closedWith.getCloseCode()).isEqualTo(CloseReason.CloseCodes.TRY_AGAIN_LATER);
    assertThat(slow.closedWith.getReasonPhrase()).isEqualTo(SessionChannel.SHED_REASON);
  }

  @Test
  void aFewFramesAreInFlightAtOnceAndTheRestFollowInOrderAsTheyAreWritten() {
    FakeSocket socket = new FakeSocket("s1").stalled();
    SessionChannel anna = registry.open(socket.session, ANNA);
    List<String> frames = IntStream.range(0, 20).mapToObj(i -> "frame " + i).toList();

    frames.forEach(frame -> lanes.toSocket(anna, frame));
    executor.runAll();
    assertThat(socket.sent).containsExactlyElementsOf(frames.subList(0, SessionChannel.IN_FLIGHT));

    socket.flush();
    assertThat(socket.sent).containsExactlyElementsOf(frames);
    assertThat(socket.closedWith).isNull();
  }

  @Test
  void aShedSocketIsClosedOnlyOnceWhatItWasGivenBeforeHasGoneOut() {
    FakeSocket socket = new FakeSocket("s1").stalled();
    SessionChannel anna = registry.open(socket.session, ANNA);

    lanes.toSocket(anna, "busy 1");
    lanes.toSocket(anna, "busy 2");
    lanes.shed(anna);
    lanes.toSocket(anna, "after");
    executor.runAll();
    assertThat(socket.closedWith).isNull();

    socket.flush();

    assertThat(socket.sent).containsExactly("busy 1", "busy 2");
    assertThat(socket.closedWith.getCloseCode()).isEqualTo(CloseReason.CloseCodes.TRY_AGAIN_LATER);
  }
}
