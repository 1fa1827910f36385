package com.consultchat.web.messaging.control;

import java.util.concurrent.TimeUnit;

/**
 * A lane's refusals: once it refuses a frame it goes on refusing until the retry-after it gave has
 * passed, so no later frame of the same client overtakes the refused one; and a client that sends
 * more than a full lane of frames into one window is flooding. Guarded by its lane's lock.
 */
final class RefusalWindow {

  private final int floodAfter;
  private boolean open;
  private long until;
  private int refusals;

  RefusalWindow(int floodAfter) {
    this.floodAfter = floodAfter;
  }

  /** Whether a window is open at {@code now}; one that has passed is closed by asking. */
  boolean openAt(long now) {
    if (open && now - until >= 0) {
      open = false;
    }
    return open;
  }

  /** Opens a window, or counts one more refusal in the open one; the answer to the frame. */
  Admission refuse(long now, int retryAfterSeconds) {
    if (!open) {
      openFor(now, retryAfterSeconds);
    }
    refusals++;
    int left = (int) Math.max(1, TimeUnit.NANOSECONDS.toSeconds(until - now + 999_999_999));
    return new Admission(
        refusals > floodAfter ? Admission.Verdict.FLOODING : Admission.Verdict.REFUSED, left);
  }

  /** Opens a fresh window: what was refused just now must not be overtaken by what follows. */
  void openFor(long now, int retryAfterSeconds) {
    open = true;
    until = now + TimeUnit.SECONDS.toNanos(retryAfterSeconds);
    refusals = 0;
  }
}
