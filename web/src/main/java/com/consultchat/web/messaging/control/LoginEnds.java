package com.consultchat.web.messaging.control;

import com.consultchat.account.boundary.AccountStanding;
import com.consultchat.account.boundary.LoginsEnded;
import com.consultchat.web.account.boundary.KnownCallers;
import com.consultchat.web.messaging.boundary.SocketSessionListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;
import jakarta.websocket.CloseReason;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ends a person's logins on this node when an administrator disables them, resets their password or
 * changes their role: their HTTP sessions here are invalidated and their sockets closed with a
 * reason the page shows. A change made here acts at once ({@link LoginsEnded} after commit); one
 * made on another node acts within a sweep, which asks the database whose logins ended lately. A
 * session this node does not hold (restored from a store) is refused at its next request by the
 * standing check instead.
 */
@ApplicationScoped
public class LoginEnds {

  /** The socket's close reason when the account was disabled; the page then says so. */
  public static final String DISABLED = "account-disabled";

  /** The socket's close reason when the password or role changed: log in again. */
  public static final String CHANGED = "account-changed";

  // Marks a session this class invalidates: its sockets are already closed with the reason above,
  // and the other nodes act on the same LoginsEnded, so the session's end is not announced again.
  private static final String ENDED_HERE = "consultchat.loginEnded";

  private static final long SWEEP_MILLIS = 5_000;
  // Each sweep looks back further than its period: clocks of nodes and commits differ a little.
  private static final Duration LOOK_BACK = Duration.ofSeconds(30);

  @Inject SessionRegistry registry;
  @Inject AccountStanding standing;
  @Inject Sweepers sweepers;
  @Inject NotificationRouter router;
  @Inject KnownCallers knownCallers;

  // Session ids, not sessions: a request's session object keeps the whole request (LocalSessions).
  private final Map<Long, Set<String>> sessions = new ConcurrentHashMap<>();
  private volatile ServletContext context;
  private volatile Instant lastSweep = Instant.now();

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    router.route(
        LoginsEnded.class,
        ended -> {
          knownCallers.forget(ended.account());
          end(ended.account(), ended.from(), ended.disabled());
        });
    sweepers.every(SWEEP_MILLIS, "ended logins", this::sweep);
  }

  public void track(long account, HttpSession session) {
    context = session.getServletContext();
    sessions.computeIfAbsent(account, id -> ConcurrentHashMap.newKeySet()).add(session.getId());
  }

  public void untrack(long account, String sessionId) {
    sessions.computeIfPresent(
        account,
        (id, set) -> {
          set.remove(sessionId);
          return set.isEmpty() ? null : set;
        });
  }

  /** A session's id changed (a new one after a login step); it is still the same person's. */
  public void renamed(long account, String before, String now) {
    sessions.computeIfPresent(
        account,
        (id, set) -> {
          if (set.remove(before)) {
            set.add(now);
          }
          return set;
        });
  }

  /**
   * Moves on only when the query succeeded: after a failed one (the database away) the next looks
   * back to the last success, so no ended login is missed, and the standings and callers this node
   * keeps rely on that.
   */
  void sweep() {
    Instant now = Instant.now();
    Map<Long, Instant> ended = standing.loginsEndedSince(lastSweep.minus(LOOK_BACK));
    lastSweep = now;
    ended.forEach(
        (account, from) -> {
          knownCallers.forget(account);
          if (registry.socketCount(account) > 0 || sessions.containsKey(account)) {
            end(account, from, !standing.admits(account, Instant.MAX));
          }
        });
  }

  /** Whether the login that opened this socket still stands, as far as this node knows. */
  public boolean stillStands(SessionChannel socket) {
    return standing.knownToAdmit(socket.account(), socket.openedAt());
  }

  /** Whether this session ends because its login ended, not by logout or timeout. */
  public static boolean endedHere(HttpSession session) {
    return session.getAttribute(ENDED_HERE) != null;
  }

  /** Ends what of the person's logins on this node started before {@code from}. */
  void end(long account, Instant from, boolean disabled) {
    String reason = disabled ? DISABLED : CHANGED;
    for (String id : Set.copyOf(sessions.getOrDefault(account, Set.of()))) {
      Optional<HttpSession> found = LocalSessions.find(context, id);
      if (found.isEmpty()) {
        untrack(account, id);
        continue;
      }
      HttpSession session = found.get();
      try {
        if (session.getAttribute(SocketSessionListener.LOGGED_IN_AT) instanceof Long at
            && Instant.ofEpochMilli(at).isBefore(from)) {
          session.setAttribute(ENDED_HERE, Boolean.TRUE);
          session.invalidate();
        }
      } catch (IllegalStateException alreadyInvalid) {
        untrack(account, id);
      }
    }
    // Sockets close after the sessions end, so the page they send to the login finds none left.
    for (SessionChannel socket : registry.socketsOf(account)) {
      if (socket.openedAt().isBefore(from)) {
        socket.close(CloseReason.CloseCodes.VIOLATED_POLICY, reason);
      }
    }
  }
}
