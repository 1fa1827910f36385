package com.consultchat.bench;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;

/**
 * The baseline's writer of one socket, built like ConsultChat's: a bounded queue drained one frame
 * at a time through the asynchronous remote, so both servers pay the same for fan-out.
 */
final class BareChannel {

  private static final int QUEUE_LIMIT = 512;

  final long me;
  private final Session session;
  private final ArrayDeque<String> queue = new ArrayDeque<>();
  private boolean writing;
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
      if (writing) {
        if (queue.size() < QUEUE_LIMIT) {
          queue.add(frame);
          return;
        }
        closed = true;
        queue.clear();
        frame = null;
      } else {
        writing = true;
      }
    }
    if (frame == null) {
      try {
        session.close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, "Too slow"));
      } catch (IOException | IllegalStateException ignored) {
        // already gone
      }
      return;
    }
    session.getAsyncRemote().sendText(frame, this::written);
  }

  private void written(SendResult result) {
    String next;
    synchronized (this) {
      next = result.isOK() && !closed ? queue.poll() : null;
      if (next == null) {
        writing = false;
        if (!result.isOK()) {
          closed = true;
          queue.clear();
        }
        return;
      }
    }
    session.getAsyncRemote().sendText(next, this::written);
  }

  synchronized void closed() {
    closed = true;
    queue.clear();
  }
}
