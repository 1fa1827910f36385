package com.consultchat.web.messaging.control;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;

/**
 * Hands frames to many people on several threads while every person still gets them in the order
 * they were handed in. Each account belongs to one lane; a lane works through its batches one after
 * another, and the lanes run side by side. A room of thousands is then written by all cores, and a
 * later message never overtakes an earlier one on anybody's socket.
 */
final class FanOut {

  private static final System.Logger LOG = System.getLogger(FanOut.class.getName());

  private final Lane[] lanes;

  FanOut(int laneCount, Executor executor) {
    lanes = new Lane[laneCount];
    for (int i = 0; i < laneCount; i++) {
      lanes[i] = new Lane(executor);
    }
  }

  /** Calls {@code deliver} for each account on its lane, after all that lane was given before. */
  void deliver(Collection<Long> accounts, LongConsumer deliver) {
    // Most deliveries go to one or two people (a reply, a consultation): only their lanes get a
    // list.
    @SuppressWarnings("unchecked")
    List<Long>[] byLane = new List[lanes.length];
    for (Long account : accounts) {
      int lane = Math.floorMod(account, lanes.length);
      if (byLane[lane] == null) {
        byLane[lane] = new ArrayList<>();
      }
      byLane[lane].add(account);
    }
    for (int i = 0; i < lanes.length; i++) {
      List<Long> mine = byLane[i];
      if (mine != null) {
        lanes[i].submit(() -> mine.forEach(account -> deliverOne(deliver, account)));
      }
    }
  }

  private static void deliverOne(LongConsumer deliver, long account) {
    try {
      deliver.accept(account);
    } catch (RuntimeException failure) {
      LOG.log(Level.WARNING, "A delivery failed; the others go on", failure);
    }
  }

  private static final class Lane implements Runnable {
    private final Queue<Runnable> batches = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Executor executor;

    Lane(Executor executor) {
      this.executor = executor;
    }

    void submit(Runnable batch) {
      batches.add(batch);
      schedule();
    }

    private void schedule() {
      if (scheduled.compareAndSet(false, true)) {
        try {
          executor.execute(this);
        } catch (RejectedExecutionException stopping) {
          // The server is stopping; deliver on this thread rather than leave the lane stuck.
          run();
        }
      }
    }

    @Override
    public void run() {
      Runnable batch;
      while ((batch = batches.poll()) != null) {
        batch.run();
      }
      scheduled.set(false);
      // A batch added between the last poll and the line above would otherwise wait for the next.
      if (!batches.isEmpty()) {
        schedule();
      }
    }
  }
}
