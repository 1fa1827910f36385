package com.consultchat.messaging.boundary;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The frames of one socket (or one poller) that wait to be handled, in the order they came, handled
 * one at a time on the message path's own threads. The lane is bounded, and so is the node: beyond
 * either a frame is refused with a retry-after, and the lane goes on refusing until that time has
 * passed, so no later frame of the same client overtakes the refused one. A frame that fails for a
 * reason that may pass stays at the head and is tried again with a short backoff (on a scheduler:
 * no thread waits) until its retry window, counted from its arrival, is over; then it and
 * everything behind it is answered {@code busy}. A client that keeps sending into refusals is
 * flooding.
 */
final class InboundLane {

  /** A frame as the lane sees it. */
  interface Job {

    /** Characters the frame takes while it waits, counted against the lane's and node's limit. */
    long size();

    /** One try; never throws (a failure that will not pass is an answer too). */
    Attempt attempt();

    /** The frame was handled; {@code answer} is null if it has none. */
    void done(ServerFrame answer);

    /** The frame was not handled and will not be: the client should send it again later. */
    void busy(int retryAfterSeconds);
  }

  /** Runs a task after a delay; the scheduler, so that no thread sleeps through a backoff. */
  interface Delays {
    void after(long millis, Runnable task);
  }

  /** How much one lane holds, and how long it keeps trying a frame that fails retryably. */
  record Limits(int frames, long chars, long retryNanos) {}

  enum Verdict {
    ACCEPTED,
    /** Not taken; the client should send it again after the retry-after. */
    REFUSED,
    /** Not taken, and the client ignores refusals: more than a full lane of them in one window. */
    FLOODING,
    /** The lane's socket has gone. */
    CLOSED
  }

  record Admission(Verdict verdict, int retryAfter) {
    static final Admission ACCEPTED = new Admission(Verdict.ACCEPTED, 0);
    static final Admission CLOSED = new Admission(Verdict.CLOSED, 0);
  }

  /** A full lane drains in well under this. */
  static final int LANE_FULL_RETRY_SECONDS = 2;

  /** The whole node is behind: give it a little longer. */
  static final int NODE_FULL_RETRY_SECONDS = 5;

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

  private record Entry(Job job, long size, long arrived) {}

  private final Limits limits;
  private final NodeBudget node;
  private final Executor executor;
  private final Delays delays;
  private final LongSupplier clock;
  private final Runnable onIdle;

  private final ArrayDeque<Entry> queue = new ArrayDeque<>();
  private Entry current;
  private long chars;
  private int failures;
  private boolean running;
  private boolean closed;
  private boolean refusing;
  private long refusingUntil;
  private int refusals;

  InboundLane(
      Limits limits,
      NodeBudget node,
      Executor executor,
      Delays delays,
      LongSupplier clock,
      Runnable onIdle) {
    this.limits = limits;
    this.node = node;
    this.executor = executor;
    this.delays = delays;
    this.clock = clock;
    this.onIdle = onIdle;
  }

  Admission offer(Job job) {
    return offerAll(List.of(job));
  }

  /** Takes all of the jobs, in order, or none of them. */
  Admission offerAll(List<Job> jobs) {
    long size = jobs.stream().mapToLong(Job::size).sum();
    synchronized (this) {
      if (closed) {
        return Admission.CLOSED;
      }
      long now = clock.getAsLong();
      if (refusing && now - refusingUntil < 0) {
        return refuse(now, 0);
      }
      refusing = false;
      int held = queue.size() + (current == null ? 0 : 1);
      if (held + jobs.size() > limits.frames() || chars + size > limits.chars()) {
        return refuse(now, LANE_FULL_RETRY_SECONDS);
      }
      if (!node.take(jobs.size(), size)) {
        return refuse(now, NODE_FULL_RETRY_SECONDS);
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
      dropped.forEach(entry -> chars -= entry.size());
    }
    release(dropped);
  }

  /** Whether nothing waits and nothing runs, so the lane may be forgotten. */
  synchronized boolean idle() {
    return !running && current == null && queue.isEmpty();
  }

  /** Starts a refusal window, or counts one more refusal in the open one. */
  private Admission refuse(long now, int retryAfterSeconds) {
    if (!refusing) {
      refusing = true;
      refusingUntil = now + TimeUnit.SECONDS.toNanos(retryAfterSeconds);
      refusals = 0;
    }
    refusals++;
    int left = (int) Math.max(1, TimeUnit.NANOSECONDS.toSeconds(refusingUntil - now + 999_999_999));
    return new Admission(refusals > limits.frames() ? Verdict.FLOODING : Verdict.REFUSED, left);
  }

  private void start() {
    try {
      executor.execute(this::drain);
    } catch (RejectedExecutionException full) {
      // The executor is stopping (or, against its sizing, full): refuse rather than strand frames.
      List<Entry> dropped;
      synchronized (this) {
        dropped = takeAll(clock.getAsLong(), NODE_FULL_RETRY_SECONDS);
        running = false;
      }
      answerBusy(dropped, NODE_FULL_RETRY_SECONDS);
    }
  }

  private void drain() {
    for (int turn = 0; turn < TURN; turn++) {
      Entry entry;
      Entry abandoned = null;
      synchronized (this) {
        if (closed) {
          abandoned = current;
          current = null;
          if (abandoned != null) {
            chars -= abandoned.size();
          }
          entry = null;
        } else {
          if (current == null) {
            current = queue.poll();
          }
          entry = current;
        }
        if (entry == null) {
          running = false;
        }
      }
      if (entry == null) {
        release(abandoned == null ? List.of() : List.of(abandoned));
        break;
      }
      Attempt attempt = entry.job().attempt();
      if (attempt instanceof Attempt.Failed) {
        long now = clock.getAsLong();
        if (now - entry.arrived() < limits.retryNanos()) {
          retryLater();
          return;
        }
        List<Entry> dropped;
        synchronized (this) {
          dropped = takeAll(now, GAVE_UP_RETRY_SECONDS);
        }
        answerBusy(dropped, GAVE_UP_RETRY_SECONDS);
        continue;
      }
      synchronized (this) {
        current = null;
        failures = 0;
        chars -= entry.size();
      }
      node.give(1, entry.size());
      entry.job().done(((Attempt.Done) attempt).answer());
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

  private void retryLater() {
    long delay;
    synchronized (this) {
      failures++;
      delay = Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(failures - 1, 20));
    }
    try {
      delays.after(delay, this::start);
    } catch (RejectedExecutionException stopping) {
      List<Entry> dropped;
      synchronized (this) {
        dropped = takeAll(clock.getAsLong(), NODE_FULL_RETRY_SECONDS);
        running = false;
      }
      answerBusy(dropped, NODE_FULL_RETRY_SECONDS);
    }
  }

  /**
   * Empties the lane, head first, and refuses what comes next for a while: what is refused now must
   * not be overtaken by what the client sends after it.
   */
  private List<Entry> takeAll(long now, int retryAfterSeconds) {
    List<Entry> all = new ArrayList<>();
    if (current != null) {
      all.add(current);
    }
    all.addAll(queue);
    queue.clear();
    current = null;
    failures = 0;
    chars = 0;
    refusing = true;
    refusingUntil = now + TimeUnit.SECONDS.toNanos(retryAfterSeconds);
    refusals = 0;
    return all;
  }

  private void answerBusy(List<Entry> dropped, int retryAfterSeconds) {
    release(dropped);
    dropped.forEach(entry -> entry.job().busy(retryAfterSeconds));
  }

  private void release(List<Entry> entries) {
    if (!entries.isEmpty()) {
      node.give(entries.size(), entries.stream().mapToLong(Entry::size).sum());
    }
  }
}
