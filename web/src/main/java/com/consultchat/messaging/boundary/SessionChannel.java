package com.consultchat.messaging.boundary;

import com.consultchat.account.boundary.Caller;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;

/**
 * The one writer of one socket. Frames wait in a bounded queue and go out one at a time through the
 * asynchronous remote, so no thread ever waits for a slow network; a client that falls a full queue
 * behind is closed and catches up by sequence number when it reconnects.
 */
final class SessionChannel {

  private static final System.Logger LOG = System.getLogger(SessionChannel.class.getName());

  static final int QUEUE_LIMIT = 512;

  private final Session session;
  private final Caller caller;
  private final ArrayDeque<String> queue = new ArrayDeque<>();
  private boolean writing;
  private boolean closed;
  private volatile boolean away;
  private final java.util.Set<Long> watching = java.util.concurrent.ConcurrentHashMap.newKeySet();

  SessionChannel(Session session, Caller caller) {
    this.session = session;
    this.caller = caller;
  }

  Caller caller() {
    return caller;
  }

  String id() {
    return session.getId();
  }

  boolean away() {
    return away;
  }

  /** Returns whether this changed anything. */
  synchronized boolean markAway(boolean away) {
    if (this.away == away) {
      return false;
    }
    this.away = away;
    return true;
  }

  /** The people whose presence this socket is told about. */
  java.util.Set<Long> watching() {
    return watching;
  }

  void watch(long account) {
    watching.add(account);
  }

  void send(String frame) {
    synchronized (this) {
      if (closed) {
        return;
      }
      if (!writing) {
        writing = true;
      } else if (queue.size() < QUEUE_LIMIT) {
        queue.add(frame);
        return;
      } else {
        frame = null;
      }
    }
    if (frame != null) {
      write(frame);
    } else {
      LOG.log(Level.INFO, "Closing socket {0} of {1}: too slow", id(), caller.username());
      close(CloseReason.CloseCodes.TRY_AGAIN_LATER, "Too slow; reconnect to catch up");
    }
  }

  void close(CloseReason.CloseCode code, String reason) {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      queue.clear();
    }
    try {
      session.close(new CloseReason(code, reason));
    } catch (IOException | IllegalStateException alreadyGone) {
      LOG.log(Level.DEBUG, "Socket {0} was already closed", id());
    }
  }

  private void write(String frame) {
    try {
      session.getAsyncRemote().sendText(frame, this::written);
    } catch (IllegalStateException closing) {
      markClosed();
    }
  }

  private void written(SendResult result) {
    if (!result.isOK()) {
      markClosed();
      return;
    }
    String next;
    synchronized (this) {
      next = closed ? null : queue.poll();
      if (next == null) {
        writing = false;
        return;
      }
    }
    write(next);
  }

  private synchronized void markClosed() {
    closed = true;
    writing = false;
    queue.clear();
  }
}
