package com.consultchat.web.messaging.control;

import com.consultchat.platform.boundary.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * What this node knows of each polling HTTP session, kept in memory rather than in the session:
 * when it last polled each conversation (the floor between two polls), and whose it was when the
 * full request stack last let one of its polls through. The second lets a quiet poll be answered
 * before that stack ({@link QuietPolls}) for a short while: a session that ends on this node is
 * forgotten at once, and every {@link #RECHECK_NANOS} a poll goes through the whole stack again
 * (idle logoff, the account's standing, the login itself), so nothing those checks would refuse is
 * answered for longer than that.
 */
@ApplicationScoped
public class PollSessions {

  /** How long a session's last full check stands in for the checks of the stack. */
  static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(20);

  /** A session that stopped polling is forgotten after this (its own timeout is longer). */
  static final long IDLE_NANOS = TimeUnit.MINUTES.toNanos(10);

  /** Browser timers drift; a poll slightly early is still within the floor. */
  static final long TOLERANCE_NANOS = TimeUnit.MILLISECONDS.toNanos(300);

  private static final class Polling {
    final ConcurrentHashMap<Long, Long> lastPolls = new ConcurrentHashMap<>();
    volatile long account;
    volatile long checkedNanos;
    volatile long touchedNanos;
    volatile boolean checked;
    volatile boolean ended;
  }

  private final ConcurrentHashMap<String, Polling> sessions = new ConcurrentHashMap<>();
  private final LongSupplier nanos;
  private final long floorNanos;

  @Inject Sweepers sweepers;

  PollSessions() {
    this(System::nanoTime, Settings.POLL_FLOOR_SECONDS);
  }

  PollSessions(LongSupplier nanos, long floorSeconds) {
    this.nanos = nanos;
    this.floorNanos = TimeUnit.SECONDS.toNanos(floorSeconds) - TOLERANCE_NANOS;
  }

  @PostConstruct
  void start() {
    sweepers.every(60_000, "poll sessions", this::sweep);
  }

  /**
   * Counts a poll of the conversation by the session, unless it comes sooner than the floor after
   * the last one: then it is not counted and the answer is false.
   */
  public boolean claim(String session, long conversation) {
    long now = nanos.getAsLong();
    Polling polling = sessions.computeIfAbsent(session, id -> new Polling());
    polling.touchedNanos = now;
    boolean[] claimed = {false};
    polling.lastPolls.compute(
        conversation,
        (id, previous) -> {
          if (previous != null && now - previous < floorNanos) {
            return previous;
          }
          claimed[0] = true;
          return now;
        });
    return claimed[0];
  }

  /** The full stack let a poll of this session through, as the person {@code account}. */
  public void checked(String session, long account) {
    Polling polling = sessions.computeIfAbsent(session, id -> new Polling());
    long now = nanos.getAsLong();
    if (polling.ended) {
      return;
    }
    polling.account = account;
    polling.checkedNanos = now;
    polling.touchedNanos = now;
    polling.checked = true;
  }

  /** The person of the session, if the full stack checked one of its polls lately enough. */
  public OptionalLong recentlyChecked(String session) {
    Polling polling = sessions.get(session);
    if (polling == null
        || !polling.checked
        || polling.ended
        || nanos.getAsLong() - polling.checkedNanos >= RECHECK_NANOS) {
      return OptionalLong.empty();
    }
    return OptionalLong.of(polling.account);
  }

  /**
   * The session ended (logout, logoff, timeout, an administrator's action). It is kept as ended
   * until the sweep rather than removed, so that a poll of it still running cannot mark it checked
   * again afterwards.
   */
  public void ended(String session) {
    Polling polling = sessions.computeIfAbsent(session, id -> new Polling());
    polling.touchedNanos = nanos.getAsLong();
    polling.ended = true;
  }

  /** Forgets sessions that stopped polling; ones that ended elsewhere end up here too. */
  void sweep() {
    long now = nanos.getAsLong();
    sessions.values().removeIf(polling -> now - polling.touchedNanos > IDLE_NANOS);
  }

  int size() {
    return sessions.size();
  }
}
