package com.consultchat.web.messaging.control;

/**
 * How many frames, and how many characters of them, this node holds that are not answered yet, over
 * every socket and poll. Beyond the limits a frame is refused with {@code busy}, so the heap stays
 * bounded whatever clients send and however long the database stalls.
 */
final class NodeBudget {

  private final int maxFrames;
  private final long maxChars;
  private int frames;
  private long chars;

  NodeBudget(int maxFrames, long maxChars) {
    this.maxFrames = maxFrames;
    this.maxChars = maxChars;
  }

  /** Takes room for the frames if all of it is free; otherwise takes nothing. */
  synchronized boolean take(int count, long size) {
    if (frames + count > maxFrames || chars + size > maxChars) {
      return false;
    }
    frames += count;
    chars += size;
    return true;
  }

  synchronized void give(int count, long size) {
    frames -= count;
    chars -= size;
  }

  synchronized int frames() {
    return frames;
  }
}
