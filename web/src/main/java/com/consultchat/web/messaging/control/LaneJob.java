package com.consultchat.web.messaging.control;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A client frame as an {@link InboundLane} sees it. */
interface LaneJob {

  /** Characters the frame takes while it waits, counted against the lane's and node's limit. */
  long size();

  /**
   * One try; never throws and never completes exceptionally (a failure that will not pass is an
   * answer too). It may complete later, on another thread: the lane waits without a thread.
   */
  CompletableFuture<Attempt> attempt();

  /** The frame was handled; {@code answer} is null if it has none. */
  void done(ServerFrame answer);

  /** The frame was not handled and will not be: the client should send it again later. */
  void busy(int retryAfterSeconds);

  /** Jobs with equal keys that wait next to each other may be tried together; null: alone. */
  default Object batchKey() {
    return null;
  }

  /** Tries jobs with one batch key together. */
  interface Batches {

    /**
     * An attempt per job, in order, ending early at the first that failed (it may pass); completes
     * as {@link LaneJob#attempt} does.
     */
    CompletableFuture<List<Attempt>> attempt(List<LaneJob> jobs);
  }
}
