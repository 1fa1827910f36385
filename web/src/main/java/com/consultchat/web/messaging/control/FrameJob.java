package com.consultchat.web.messaging.control;

import com.consultchat.account.boundary.Caller;

/** A client frame waiting in a lane, from a socket or a poll. */
abstract class FrameJob implements LaneJob {

  private final ClientFrame frame;
  private final long size;

  FrameJob(ClientFrame frame, long size) {
    this.frame = frame;
    this.size = size;
  }

  ClientFrame frame() {
    return frame;
  }

  abstract Caller caller();

  /** The socket it came over; null for a poll. */
  abstract SessionChannel socket();

  @Override
  public long size() {
    return size;
  }

  /**
   * Sends to the same conversation may go together: the lane is one caller's, so the key names the
   * conversation.
   */
  @Override
  public Object batchKey() {
    return "send".equals(frame.type) ? frame.conversation : null;
  }
}
