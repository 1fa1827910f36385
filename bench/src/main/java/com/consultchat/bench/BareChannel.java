package com.consultchat.bench;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;

/**
 * The baseline's writer of one socket, built like ConsultChat's: a bounded queue handed to the
 * asynchronous remote in order, a few frames in flight at once, so both servers pay the same for
 * fan-out.
 */
final class BareChannel {

  private static final int QUEUE_LIMIT = 512;
  private static final int IN_FLIGHT = 8;

  final long me;
  private final Session session;
  private final ArrayDeque<String> queue = new ArrayDeque<>();
  private int inFlight;
  private boolean pumping;
  private boolean closed;

  BareChannel(Session session, long me) {
    this.session = session;
    this.me = me;
  }

  void send(String frame) {
    synchronized (this) {
      if (closed) {
        return;
      }
      if (inFlight + queue.size() >= QUEUE_LIMIT) {
        closed = true;
        queue.clear();
      } else {
        queue.add(frame);
        if (pumping) {
          return;
        }
        pumping = true;
        frame = null;
      }
    }
    if (frame != null) {
      try {
        session.close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "Too slow"));
      } catch (IOException | IllegalStateException ignored) {
        // already gone
      }
      return;
    }
    pump();
  }

  private void pump() {
    while (true) {
      String next;
      synchronized (this) {
        if (closed || inFlight >= IN_FLIGHT || queue.isEmpty()) {
          pumping = false;
          return;
        }
        next = queue.poll();
        inFlight++;
      }
      session.getAsyncRemote().sendText(next, this::written);
    }
  }

  private void written(SendResult result) {
    synchronized (this) {
      inFlight--;
      if (!result.isOK()) {
        closed = true;
        queue.clear();
        return;
      }
      if (pumping) {
        return;
      }
      pumping = true;
    }
    pump();
  }

  synchronized void closed() {
    closed = true;
    queue.clear();
  }
}
