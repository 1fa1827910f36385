package com.consultchat.web.messaging.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.consultchat.web.platform.boundary.Failure;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InboundLaneTest {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
  private static final InboundLane.Limits LIMITS = new InboundLane.Limits(3, 1000, 30 * SECOND);

  private final ManualExecutor executor = new ManualExecutor();
  private final ManualDelays delays = new ManualDelays();
  private final List<String> answers = new ArrayList<>();
  private final List<Integer> batchSizes = new ArrayList<>();
  private long now = 1_000 * SECOND;
  private NodeBudget node = new NodeBudget(100, 100_000);

  @Test
  void framesAreHandledOneAtATimeInTheOrderTheyCame() {
    InboundLane lane = lane(LIMITS);
    List<FakeJob> jobs = List.of(job("a"), job("b"), job("c"));

    jobs.forEach(job -> assertThat(lane.offer(job)).isEqualTo(Admission.ACCEPTED));
    assertThat(executor.tasks).hasSize(1);
    executor.runAll();

    assertThat(answers).containsExactly("a", "b", "c");
    assertThat(node.frames()).isZero();
    assertThat(lane.idle()).isTrue();
  }

  @Test
  void aFullLaneRefusesWithItsRetryAfterAndGoesOnRefusingUntilThatHasPassed() {
    InboundLane lane = lane(LIMITS);
    for (String name : List.of("a", "b", "c")) {
      lane.offer(job(name));
    }

    Admission refused = lane.offer(job("d"));
    assertThat(refused.verdict()).isEqualTo(Admission.Verdict.REFUSED);
    assertThat(refused.retryAfter()).isEqualTo(InboundLane.LANE_FULL_RETRY_SECONDS);

    executor.runAll();
    now += SECOND;
    // Room again, but "e" was written after "d": taking it now would let it overtake "d".
    Admission stillRefused = lane.offer(job("e"));
    assertThat(stillRefused.verdict()).isEqualTo(Admission.Verdict.REFUSED);
    assertThat(stillRefused.retryAfter()).isEqualTo(1);

    now += SECOND;
    assertThat(lane.offer(job("d"))).isEqualTo(Admission.ACCEPTED);
    executor.runAll();
    assertThat(answers).containsExactly("a", "b", "c", "d");
  }

  @Test
  void aClientThatSendsOnThroughMoreThanALaneOfRefusalsIsFlooding() {
    InboundLane lane = lane(LIMITS);
    for (int i = 0; i < 3; i++) {
      lane.offer(job("kept " + i));
    }
    List<Admission.Verdict> verdicts = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      verdicts.add(lane.offer(job("refused " + i)).verdict());
    }

    assertThat(verdicts)
        .containsExactly(
            Admission.Verdict.REFUSED,
            Admission.Verdict.REFUSED,
            Admission.Verdict.REFUSED,
            Admission.Verdict.FLOODING);
  }

  @Test
  void theNodeBoundsFramesAndCharactersOverAllLanes() {
    node = new NodeBudget(4, 100);
    InboundLane first = lane(LIMITS);
    InboundLane second = lane(LIMITS);
    first.offer(job("a"));
    first.offer(job("b"));
    second.offer(job("c"));
    second.offer(job("d"));

    Admission refused = lane(LIMITS).offer(job("e"));
    assertThat(refused.verdict()).isEqualTo(Admission.Verdict.REFUSED);
    assertThat(refused.retryAfter()).isEqualTo(InboundLane.NODE_FULL_RETRY_SECONDS);

    executor.runAll();
    assertThat(lane(LIMITS).offer(new FakeJob("large", 101))).isNotEqualTo(ACCEPTED);
    assertThat(lane(LIMITS).offer(new FakeJob("fits", 100))).isEqualTo(ACCEPTED);
  }

  @Test
  void aLaneRefusesWhatWouldTakeItOverItsCharacters() {
    InboundLane lane = lane(new InboundLane.Limits(10, 100, 30 * SECOND));
    lane.offer(new FakeJob("a", 60));

    assertThat(lane.offer(new FakeJob("b", 41)).verdict()).isEqualTo(Admission.Verdict.REFUSED);
  }

  @Test
  void aBatchIsTakenWholeOrNotAtAll() {
    InboundLane lane = lane(LIMITS);
    lane.offer(job("a"));

    assertThat(lane.offerAll(List.of(job("b"), job("c"), job("d"))).verdict())
        .isEqualTo(Admission.Verdict.REFUSED);
    executor.runAll();
    assertThat(answers).containsExactly("a");
    assertThat(node.frames()).isZero();
  }

  @Test
  void aRetryableFailureKeepsTheFrameAtTheHeadAndTriesAgainWithACappedBackoff() {
    InboundLane lane = lane(LIMITS);
    FakeJob head = job("head");
    head.failures = 6;
    lane.offer(head);
    lane.offer(job("next"));

    executor.runAll();
    List<Long> waits = new ArrayList<>();
    while (!delays.pending.isEmpty()) {
      assertThat(answers).isEmpty();
      waits.add(delays.runNext());
      executor.runAll();
    }

    assertThat(waits).containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L);
    assertThat(head.attempts).isEqualTo(7);
    assertThat(answers).containsExactly("head", "next");
    assertThat(node.frames()).isZero();
  }

  @Test
  void afterItsRetryWindowTheFrameAndAllBehindItAreAnsweredBusyAndLaterOnesRefused() {
    InboundLane lane = lane(LIMITS);
    FakeJob head = job("head");
    head.failures = Integer.MAX_VALUE;
    lane.offer(head);
    lane.offer(job("next"));
    executor.runAll();

    while (!delays.pending.isEmpty()) {
      now += TimeUnit.MILLISECONDS.toNanos(delays.runNext()) + 2 * SECOND;
      executor.runAll();
    }

    assertThat(answers).containsExactly("busy head 5", "busy next 5");
    assertThat(now - 1_000 * SECOND).isGreaterThanOrEqualTo(30 * SECOND);
    assertThat(lane.offer(job("later")).verdict()).isEqualTo(Admission.Verdict.REFUSED);
    assertThat(node.frames()).isZero();
  }

  @Test
  void aLaneWithoutRetryWindowGivesUpAtTheFirstFailure() {
    InboundLane lane = lane(new InboundLane.Limits(8, 1000, 0));
    FakeJob typing = job("typing");
    typing.failures = 1;
    lane.offer(typing);

    executor.runAll();

    assertThat(delays.pending).isEmpty();
    assertThat(answers).containsExactly("busy typing 5");
  }

  @Test
  void aClosedLaneDropsWhatWaitsUnansweredAndGivesBackItsRoom() {
    InboundLane lane = lane(LIMITS);
    FakeJob head = job("head");
    head.failures = 1;
    lane.offer(head);
    lane.offer(job("next"));
    executor.runAll();

    lane.close();
    delays.runNext();
    executor.runAll();

    assertThat(answers).isEmpty();
    assertThat(node.frames()).isZero();
    assertThat(lane.offer(job("late"))).isEqualTo(Admission.CLOSED);
  }

  @Test
  void aLongLaneHandsItsThreadOnAfterATurn() {
    InboundLane lane = lane(new InboundLane.Limits(100, 100_000, 30 * SECOND));
    for (int i = 0; i < InboundLane.TURN + 1; i++) {
      lane.offer(job("m" + i));
    }

    executor.runNext();

    assertThat(answers).hasSize(InboundLane.TURN);
    assertThat(executor.tasks).hasSize(1);
    executor.runAll();
    assertThat(answers).hasSize(InboundLane.TURN + 1);
  }

  @Test
  void framesWithOneKeyThatWaitTogetherAreTriedAsOneBatchInOrder() {
    InboundLane lane = lane(new InboundLane.Limits(100, 100_000, 30 * SECOND));
    lane.offer(job("first"));
    for (int i = 0; i < InboundLane.BATCH + 2; i++) {
      lane.offer(keyed("a" + i, "a"));
    }
    lane.offer(keyed("b0", "b"));
    lane.offer(job("alone"));

    executor.runAll();

    assertThat(batchSizes).containsExactly(InboundLane.BATCH, 2);
    assertThat(answers).hasSize(InboundLane.BATCH + 5);
    assertThat(answers.get(0)).isEqualTo("first");
    assertThat(answers.subList(1, InboundLane.BATCH + 3))
        .isEqualTo(
            java.util.stream.IntStream.range(0, InboundLane.BATCH + 2)
                .mapToObj(i -> "a" + i)
                .toList());
    assertThat(answers.subList(InboundLane.BATCH + 3, answers.size()))
        .containsExactly("b0", "alone");
    assertThat(node.frames()).isZero();
  }

  @Test
  void aBatchThatFailsPartWayKeepsTheRestAtTheHeadAndTriesItAgain() {
    InboundLane lane = lane(new InboundLane.Limits(10, 1000, 30 * SECOND));
    FakeJob second = keyed("second", "k");
    second.failures = 1;
    lane.offer(keyed("first", "k"));
    lane.offer(second);
    lane.offer(keyed("third", "k"));

    executor.runAll();
    assertThat(answers).containsExactly("first");
    delays.runNext();
    executor.runAll();

    assertThat(batchSizes).containsExactly(3, 2);
    assertThat(answers).containsExactly("first", "second", "third");
    assertThat(node.frames()).isZero();
  }

  @Test
  void aFrameWhoseAnswerComesLaterHoldsNoThreadAndWhatCameAfterItWaits() {
    InboundLane lane = lane(LIMITS);
    FakeJob first = job("first");
    CompletableFuture<Attempt> answer = new CompletableFuture<>();
    first.later = answer;
    FakeJob second = job("second");
    lane.offer(first);

    executor.runAll();
    lane.offer(second);

    assertThat(executor.tasks).isEmpty();
    assertThat(second.attempts).isZero();
    assertThat(lane.idle()).isFalse();

    answer.complete(new Attempt.Done(new ServerFrame.Pong()));
    assertThat(answers).isEmpty();
    executor.runAll();

    assertThat(answers).containsExactly("first", "second");
    assertThat(node.frames()).isZero();
    assertThat(lane.idle()).isTrue();
  }

  @Test
  void aLaterAnswerThatMayPassIsTriedAgainAfterABackoff() {
    InboundLane lane = lane(LIMITS);
    FakeJob head = job("head");
    CompletableFuture<Attempt> answer = new CompletableFuture<>();
    head.later = answer;
    lane.offer(head);
    executor.runAll();

    answer.complete(lockTimeout());
    executor.runAll();
    assertThat(answers).isEmpty();

    assertThat(delays.runNext()).isEqualTo(InboundLane.FIRST_BACKOFF_MILLIS);
    executor.runAll();
    assertThat(head.attempts).isEqualTo(2);
    assertThat(answers).containsExactly("head");
  }

  @Test
  void aLaterAnswerThatFindsTheExecutorStoppingAnswersTheLaneBusy() {
    InboundLane lane = lane(LIMITS);
    FakeJob head = job("head");
    CompletableFuture<Attempt> answer = new CompletableFuture<>();
    head.later = answer;
    lane.offer(head);
    lane.offer(job("behind"));
    executor.runAll();

    executor.stopped = true;
    answer.complete(new Attempt.Done(new ServerFrame.Pong()));

    assertThat(answers)
        .containsExactly(
            "busy head " + InboundLane.NODE_FULL_RETRY_SECONDS,
            "busy behind " + InboundLane.NODE_FULL_RETRY_SECONDS);
    assertThat(node.frames()).isZero();
  }

  private static final Admission ACCEPTED = Admission.ACCEPTED;

  /** Tries each job in turn up to the first failure, as a handler without batches would. */
  private CompletableFuture<List<Attempt>> oneByOne(List<LaneJob> jobs) {
    batchSizes.add(jobs.size());
    List<Attempt> attempts = new ArrayList<>();
    for (LaneJob job : jobs) {
      Attempt attempt = job.attempt().join();
      attempts.add(attempt);
      if (attempt instanceof Attempt.Failed) {
        break;
      }
    }
    return CompletableFuture.completedFuture(attempts);
  }

  private FakeJob keyed(String name, String key) {
    FakeJob job = job(name);
    job.key = key;
    return job;
  }

  private InboundLane lane(InboundLane.Limits limits) {
    return new InboundLane(limits, node, executor, delays, this::oneByOne, () -> now, () -> {});
  }

  private FakeJob job(String name) {
    return new FakeJob(name, 10);
  }

  private final class FakeJob implements LaneJob {
    final String name;
    final long size;
    String key;
    int failures;
    int attempts;

    /** Set: the next attempt completes only when the test completes this. */
    CompletableFuture<Attempt> later;

    FakeJob(String name, long size) {
      this.name = name;
      this.size = size;
    }

    @Override
    public long size() {
      return size;
    }

    @Override
    public CompletableFuture<Attempt> attempt() {
      attempts++;
      if (later != null) {
        CompletableFuture<Attempt> pending = later;
        later = null;
        return pending;
      }
      if (attempts <= failures) {
        return CompletableFuture.completedFuture(lockTimeout());
      }
      return CompletableFuture.completedFuture(new Attempt.Done(new ServerFrame.Pong()));
    }

    @Override
    public void done(ServerFrame answer) {
      answers.add(name);
    }

    @Override
    public void busy(int retryAfterSeconds) {
      answers.add("busy " + name + " " + retryAfterSeconds);
    }

    @Override
    public Object batchKey() {
      return key;
    }
  }

  private static Attempt lockTimeout() {
    return new Attempt.Failed(Failure.of(new SQLException("lock timeout", "55P03")));
  }

  private static final class ManualExecutor implements Executor {
    final Queue<Runnable> tasks = new ArrayDeque<>();

    boolean stopped;

    @Override
    public void execute(Runnable task) {
      if (stopped) {
        throw new RejectedExecutionException("stopping");
      }
      tasks.add(task);
    }

    void runNext() {
      tasks.poll().run();
    }

    void runAll() {
      while (!tasks.isEmpty()) {
        runNext();
      }
    }
  }

  private static final class ManualDelays implements InboundLane.Delays {
    record Pending(long millis, Runnable task) {}

    final Queue<Pending> pending = new ArrayDeque<>();

    @Override
    public void after(long millis, Runnable task) {
      pending.add(new Pending(millis, task));
    }

    /** Runs the next delayed task, returning how long it was to wait. */
    long runNext() {
      Pending next = pending.poll();
      next.task().run();
      return next.millis();
    }
  }
}
