package com.consultchat.web.messaging.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;

/**
 * The frames of one socket (or one poller) that wait to be handled, in the order they came, handled
 * one at a time on the message path's own threads. The lane is bounded, and so is the node: beyond
 * either a frame is refused with a retry-after, and the lane goes on refusing until that time has
 * passed, so no later frame of the same client overtakes the refused one. A frame that fails for a
 * reason that may pass stays at the head and is tried again with a short backoff (on a scheduler:
 * no thread waits) until its retry window, counted from its arrival, is over; then it and
 * everything behind it is answered {@code busy}. A client that keeps sending into refusals is
 * flooding. Frames that wait next to each other and may be handled together (a backlog of sends to
 * one conversation) are tried as one batch. A frame whose answer comes later (a send stored by
 * group commit) holds no thread while it waits: the lane goes on where it stopped when the answer
 * comes.
 */
public final class InboundLane {

  /** Runs a task after a delay; the scheduler, so that no thread sleeps through a backoff. */
  interface Delays {
    void after(long millis, Runnable task);
  }

  /** How much one lane holds, and how long it keeps trying a frame that fails retryably. */
  record Limits(int frames, long chars, long retryNanos) {}

  /** A full lane drains in well under this. */
  static final int LANE_FULL_RETRY_SECONDS = 2;

  /** The whole node is behind: give it a little longer. */
  public static final int NODE_FULL_RETRY_SECONDS = 5;

  /** The database has failed for a whole retry window: try again a while later. */
  static final int GAVE_UP_RETRY_SECONDS = 5;

  static final long FIRST_BACKOFF_MILLIS = 100;

  /**
   * Backoff stays short so that a frame succeeds within about a second of the database coming back;
   * attempts themselves fail fast (lock and statement timeouts), so this does not hammer.
   */
  static final long MAX_BACKOFF_MILLIS = 1000;

  /** Frames handled before the lane hands its thread to the other lanes waiting for one. */
  static final int TURN = 16;

  /**
   * Frames tried together at most: a backlog drains at a commit per batch rather than per frame,
   * and one batch still stays a short transaction.
   */
  static final int BATCH = 32;

  private record Entry(LaneJob job, long size, long arrived) {}

  private final Limits limits;
  private final NodeBudget node;
  private final Executor executor;
  private final Delays delays;
  private final LaneJob.Batches batches;
  private final LongSupplier clock;
  private final Runnable onIdle;
  private final RefusalWindow refusals;

  private final ArrayDeque<Entry> queue = new ArrayDeque<>();

  /** The frames being tried: taken from the queue's head, kept there until handled. */
  private List<Entry> current = List.of();

  private long chars;
  private int failures;
  private boolean running;
  private boolean closed;

  InboundLane(
      Limits limits,
      NodeBudget node,
      Executor executor,
      Delays delays,
      LaneJob.Batches batches,
      LongSupplier clock,
      Runnable onIdle) {
    this.limits = limits;
    this.node = node;
    this.executor = executor;
    this.delays = delays;
    this.batches = batches;
    this.clock = clock;
    this.onIdle = onIdle;
    this.refusals = new RefusalWindow(limits.frames());
  }

  Admission offer(LaneJob job) {
    return offerAll(List.of(job));
  }

  /** Takes all of the jobs, in order, or none of them. */
  Admission offerAll(List<LaneJob> jobs) {
    long size = jobs.stream().mapToLong(LaneJob::size).sum();
    synchronized (this) {
      if (closed) {
        return Admission.CLOSED;
      }
      long now = clock.getAsLong();
      if (refusals.openAt(now)) {
        return refusals.refuse(now, 0);
      }
      int held = queue.size() + current.size();
      if (held + jobs.size() > limits.frames() || chars + size > limits.chars()) {
        return refusals.refuse(now, LANE_FULL_RETRY_SECONDS);
      }
      if (!node.take(jobs.size(), size)) {
        return refusals.refuse(now, NODE_FULL_RETRY_SECONDS);
      }
      jobs.forEach(job -> queue.add(new Entry(job, job.size(), now)));
      chars += size;
      if (running) {
        return Admission.ACCEPTED;
      }
      running = true;
    }
    start();
    return Admission.ACCEPTED;
  }

  /** The socket has gone: what waits is dropped unanswered (the client sends it again). */
  void close() {
    List<Entry> dropped;
    synchronized (this) {
      closed = true;
      dropped = new ArrayList<>(queue);
      queue.clear();
      chars -= sizeOf(dropped);
    }
    release(dropped);
  }

  /** Whether nothing waits and nothing runs, so the lane may be forgotten. */
  synchronized boolean idle() {
    return !running && current.isEmpty() && queue.isEmpty();
  }

  private void start() {
    try {
      executor.execute(this::drain);
    } catch (RejectedExecutionException full) {
      // The executor is stopping (or, against its sizing, full): refuse rather than strand frames.
      refuseAll();
    }
  }

  private void drain() {
    drainFrom(0);
  }

  /**
   * Handles batches until the lane is empty or has had its turn. A batch whose answer is not there
   * yet (stored by group commit) leaves the thread: the lane goes on where it stopped once the
   * answer comes, on a thread of the executor again, and meanwhile stays running, so what arrives
   * waits behind the batch and order holds.
   */
  private void drainFrom(int handledBefore) {
    int handled = handledBefore;
    while (handled < TURN) {
      List<Entry> batch;
      List<Entry> abandoned = List.of();
      synchronized (this) {
        if (closed) {
          abandoned = current;
          current = List.of();
          chars -= sizeOf(abandoned);
        } else if (current.isEmpty()) {
          current = nextBatch();
        }
        batch = current;
        if (batch.isEmpty()) {
          running = false;
        }
      }
      if (batch.isEmpty()) {
        release(abandoned);
        break;
      }
      CompletableFuture<List<Attempt>> tried =
          batch.size() == 1
              ? batch.get(0).job().attempt().thenApply(List::of)
              : batches.attempt(batch.stream().map(Entry::job).toList());
      if (!tried.isDone()) {
        int before = handled;
        tried.whenComplete((attempts, failure) -> resume(batch, tried, before));
        return;
      }
      int done = settle(batch, tried.join());
      if (done < 0) {
        return;
      }
      handled += done;
    }
    boolean idle;
    synchronized (this) {
      idle = !running;
    }
    if (idle) {
      onIdle.run();
    } else {
      start();
    }
  }

  /** The batch's answers came on some other thread: the lane goes on on one of its own. */
  private void resume(List<Entry> batch, CompletableFuture<List<Attempt>> tried, int before) {
    try {
      executor.execute(
          () -> {
            int done = settle(batch, tried.join());
            if (done >= 0) {
              drainFrom(before + done);
            }
          });
    } catch (RejectedExecutionException stopping) {
      // Stored or not, the client sends these again and a resend is answered with the original.
      refuseAll();
    }
  }

  /**
   * Answers the frames of the batch that were handled; the number of them, or -1 if the rest waits
   * for a retry. Past its retry window the rest, and all behind it, is answered busy.
   */
  private int settle(List<Entry> batch, List<Attempt> attempts) {
    int done = 0;
    while (done < attempts.size() && attempts.get(done) instanceof Attempt.Done) {
      done++;
    }
    finish(batch.subList(0, done), attempts);
    if (done == batch.size()) {
      return done;
    }
    long now = clock.getAsLong();
    if (now - batch.get(done).arrived() < limits.retryNanos()) {
      retryLater();
      return -1;
    }
    List<Entry> dropped;
    synchronized (this) {
      dropped = takeAll(now, GAVE_UP_RETRY_SECONDS);
    }
    answerBusy(dropped, GAVE_UP_RETRY_SECONDS);
    return done;
  }

  /** The head of the queue, with the frames right behind it that may be tried together with it. */
  private List<Entry> nextBatch() {
    Entry head = queue.poll();
    if (head == null) {
      return List.of();
    }
    Object key = head.job().batchKey();
    List<Entry> batch = new ArrayList<>(List.of(head));
    while (key != null
        && batch.size() < BATCH
        && !queue.isEmpty()
        && key.equals(queue.peek().job().batchKey())) {
      batch.add(queue.poll());
    }
    return batch;
  }

  /** The first frames of the batch were handled: they leave the lane and get their answers. */
  private void finish(List<Entry> handled, List<Attempt> attempts) {
    if (handled.isEmpty()) {
      return;
    }
    synchronized (this) {
      current = new ArrayList<>(current.subList(handled.size(), current.size()));
      failures = 0;
      chars -= sizeOf(handled);
    }
    release(handled);
    for (int i = 0; i < handled.size(); i++) {
      handled.get(i).job().done(((Attempt.Done) attempts.get(i)).answer());
    }
  }

  private void retryLater() {
    long delay;
    synchronized (this) {
      failures++;
      delay = Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(failures - 1, 20));
    }
    try {
      delays.after(delay, this::start);
    } catch (RejectedExecutionException stopping) {
      refuseAll();
    }
  }

  /** The lane cannot go on (its executor or scheduler is stopping): all of it is answered busy. */
  private void refuseAll() {
    List<Entry> dropped;
    synchronized (this) {
      dropped = takeAll(clock.getAsLong(), NODE_FULL_RETRY_SECONDS);
      running = false;
    }
    answerBusy(dropped, NODE_FULL_RETRY_SECONDS);
  }

  /**
   * Empties the lane, head first, and refuses what comes next for a while: what is refused now must
   * not be overtaken by what the client sends after it.
   */
  private List<Entry> takeAll(long now, int retryAfterSeconds) {
    List<Entry> all = new ArrayList<>(current);
    all.addAll(queue);
    queue.clear();
    current = List.of();
    failures = 0;
    chars = 0;
    refusals.openFor(now, retryAfterSeconds);
    return all;
  }

  private void answerBusy(List<Entry> dropped, int retryAfterSeconds) {
    release(dropped);
    dropped.forEach(entry -> entry.job().busy(retryAfterSeconds));
  }

  private void release(List<Entry> entries) {
    if (!entries.isEmpty()) {
      node.give(entries.size(), sizeOf(entries));
    }
  }

  private static long sizeOf(List<Entry> entries) {
    return entries.stream().mapToLong(Entry::size).sum();
  }
}
