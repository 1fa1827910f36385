package com.consultchat.web.messaging.control;

import com.consultchat.account.boundary.Caller;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one writer of one socket. Frames wait in a bounded queue and go out in order through the
 * asynchronous remote, a few at a time: the container queues the ones it has not written yet and
 * writes them together, one system call for several frames. No thread ever waits for a slow
 * network; a client that falls a full queue behind is closed and catches up by sequence number when
 * it reconnects.
 */
public final class SessionChannel {

  private static final System.Logger LOG = System.getLogger(SessionChannel.class.getName());

  /** Frames a socket holds at most, handed to the container or waiting. */
  static final int QUEUE_LIMIT = 512;

  /**
   * Frames handed to the container and not yet written at most: enough for it to gather a burst
   * into one write, few enough that a stalled client holds little of the container's memory.
   */
  static final int IN_FLIGHT = 8;

  /**
   * The retry-after of a socket the server sheds (1013): its client reconnects after a random delay
   * of up to this many seconds, so shed sockets do not all return at once.
   */
  static final int SHED_RETRY_SECONDS = 10;

  static final String SHED_REASON = "retry-after=" + SHED_RETRY_SECONDS;

  private final Session session;
  private final Caller caller;
  private final ArrayDeque<String> queue = new ArrayDeque<>();
  private int inFlight;
  // One thread at a time hands frames to the container, so they go out in the order queued.
  private boolean pumping;
  private boolean closed;
  private CloseReason closeWhenWritten;
  private volatile boolean away;
  private volatile Locale locale = Locale.ENGLISH;
  // Watched account -> the id this socket's person knows them by (their handle, in a room).
  private final Map<Long, Long> watching = new ConcurrentHashMap<>();
  // The conversations whose presence this socket follows; the registry indexes it under each.
  private final Set<Long> following = ConcurrentHashMap.newKeySet();

  // When the socket opened: its handshake passed the login checks then, so a later end of the
  // person's logins (a disable, a password reset) ends it.
  private final Instant openedAt = Instant.now();

  SessionChannel(Session session, Caller caller) {
    this.session = session;
    this.caller = caller;
  }

  public Instant openedAt() {
    return openedAt;
  }

  public long account() {
    return caller.id();
  }

  /** The language of the page that opened this socket, for the words of its error frames. */
  public Locale locale() {
    return locale;
  }

  public void locale(Locale locale) {
    this.locale = locale;
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

  /** Whether this socket is told about the person's presence. */
  boolean watches(long account) {
    return watching.containsKey(account);
  }

  Set<Long> following() {
    return following;
  }

  /** Returns whether the socket did not follow the conversation yet. */
  boolean follow(long conversation) {
    return following.add(conversation);
  }

  /** Returns whether the socket followed the conversation until now. */
  boolean unfollow(long conversation) {
    return following.remove(conversation);
  }

  void watch(long account, long shownAs) {
    watching.put(account, shownAs);
  }

  /** The id under which this socket's person knows a watched account. */
  long shownAs(long account) {
    return watching.getOrDefault(account, account);
  }

  void send(String frame) {
    synchronized (this) {
      if (closed || closeWhenWritten != null) {
        return;
      }
      if (inFlight + queue.size() < QUEUE_LIMIT) {
        queue.add(frame);
        if (pumping) {
          return;
        }
        pumping = true;
        frame = null;
      }
    }
    if (frame == null) {
      pump();
    } else {
      LOG.log(Level.INFO, "Closing socket {0} of {1}: too slow", id(), caller.username());
      close(CloseReason.CloseCodes.TRY_AGAIN_LATER, SHED_REASON);
    }
  }

  /**
   * Closes the socket once the frames queued before have gone out, so that the answers a client was
   * given before being shed (acks, busy refusals) still reach it; nothing queued after counts.
   */
  void closeAfterQueued(CloseReason.CloseCode code, String reason) {
    synchronized (this) {
      if (closed) {
        return;
      }
      if (pumping || inFlight > 0 || !queue.isEmpty()) {
        closeWhenWritten = new CloseReason(code, reason);
        return;
      }
    }
    close(code, reason);
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

  /**
   * Hands waiting frames to the container while fewer than {@link #IN_FLIGHT} are unwritten; the
   * thread that set {@code pumping} runs it. A close asked for meanwhile happens once all is out.
   */
  private void pump() {
    while (true) {
      String next = null;
      CloseReason closing = null;
      synchronized (this) {
        if (closed || inFlight >= IN_FLIGHT || queue.isEmpty()) {
          pumping = false;
          if (closed || inFlight > 0 || !queue.isEmpty() || closeWhenWritten == null) {
            return;
          }
          closing = closeWhenWritten;
        } else {
          next = queue.poll();
          inFlight++;
        }
      }
      if (closing != null) {
        close(closing.getCloseCode(), closing.getReasonPhrase());
        return;
      }
      write(next);
    }
  }

  private void write(String frame) {
    try {
      session.getAsyncRemote().sendText(frame, this::written);
    } catch (IllegalStateException closing) {
      markClosed();
    }
  }

  /** A frame is out (possibly on this very thread, inside {@link #write}): room for the next. */
  private void written(SendResult result) {
    if (!result.isOK()) {
      markClosed();
      return;
    }
    synchronized (this) {
      inFlight--;
      if (pumping) {
        return;
      }
      pumping = true;
    }
    pump();
  }

  private synchronized void markClosed() {
    closed = true;
    queue.clear();
  }
}
