package com.consultchat.consultation.boundary;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The queue and the work in hand, as counts for the node's metrics: how many requests wait, since
 * when the oldest has waited, and how many consultations each specialist has open. Staff names
 * only; nothing about patients or what they asked.
 */
public record QueueStats(int waiting, Optional<Instant> oldestWaitingSince, List<Held> held) {

  /** A specialist and the consultations they have open (taken or transferred to them). */
  public record Held(long staffId, String staffName, long open) {}
}
