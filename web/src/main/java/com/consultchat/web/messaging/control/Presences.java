package com.consultchat.web.messaging.control;

import com.consultchat.account.boundary.Accounts;
import com.consultchat.account.boundary.Caller;
import com.consultchat.messaging.boundary.Conversations;
import com.consultchat.messaging.boundary.MemberRef;
import com.consultchat.platform.boundary.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Presence on this node: kept in memory from sockets and polls, told to the sockets that watch a
 * person, and "last seen" written to the database when someone goes offline. A socket watches the
 * other members of a conversation once it asks for their presence there, which the boundary only
 * answers for members; from then on it follows that conversation in the {@link SessionRegistry},
 * which is where the watching sockets are found. Changes go out through {@link PersonLanes}.
 */
@ApplicationScoped
public class Presences {

  private static final System.Logger LOG = System.getLogger(Presences.class.getName());

  // Watched account -> the conversations in which sockets asked for them; the sockets themselves
  // are the registry's to know.
  private final ConcurrentHashMap<Long, Set<Long>> watchedIn = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Long, Instant> lastSeen = new ConcurrentHashMap<>();
  private volatile boolean stopping;
  private volatile PresenceBook book;

  @Inject Conversations conversations;
  @Inject Accounts accounts;
  @Inject Settings settings;
  @Inject SessionRegistry registry;
  @Inject PersonLanes lanes;
  @Inject Sweepers sweepers;
  @Resource ManagedExecutorService executor;

  @PostConstruct
  void start() {
    sweepers.every(5_000, "presence", this::sweep);
  }

  PresenceBook book() {
    if (book == null) {
      synchronized (this) {
        if (book == null) {
          // A polling browser that misses two polls (and a little more) has left.
          long grace = TimeUnit.SECONDS.toNanos(settings.pollIntervalSeconds() * 2L + 5);
          book = new PresenceBook(System::nanoTime, grace);
        }
      }
    }
    return book;
  }

  public void opened(SessionChannel channel) {
    book().socketOpened(channel.caller().id()).ifPresent(s -> tell(channel.caller().id(), s));
  }

  public void closed(SessionChannel channel) {
    book()
        .socketClosed(channel.caller().id(), channel.away())
        .ifPresent(s -> tell(channel.caller().id(), s));
  }

  /** The socket reports its page idle or in use again. */
  void away(SessionChannel channel, boolean away) {
    if (channel.markAway(away)) {
      book().socketAway(channel.caller().id(), away).ifPresent(s -> tell(channel.caller().id(), s));
    }
  }

  void polled(Caller caller, boolean away) {
    book().polled(caller.id(), away).ifPresent(s -> tell(caller.id(), s));
  }

  /** Polling browsers that stopped polling have left; conversations nobody follows are dropped. */
  void sweep() {
    book().sweep().forEach(change -> tell(change.account(), change.state()));
    watchedIn.forEach(
        (account, where) -> {
          where.removeIf(conversation -> registry.following(conversation).isEmpty());
          watchedIn.computeIfPresent(account, (id, set) -> set.isEmpty() ? null : set);
        });
  }

  /** How many people have the app open (online or away) on this node. */
  public int here() {
    return book().here();
  }

  /** Whether the person has the app open (online or away) on this node. */
  public boolean isHere(long account) {
    return book().state(account) != PresenceBook.State.OFFLINE;
  }

  /** The other members' presence; the socket, if any, watches them from now on. */
  ServerFrame.Presence of(Caller caller, long conversation, Optional<SessionChannel> socket) {
    List<MemberRef> members = conversations.others(caller, conversation);
    List<ServerFrame.PresenceState> states =
        members.stream()
            .map(
                member ->
                    new ServerFrame.PresenceState(
                        member.shownAs(),
                        member.name(),
                        book().state(member.account()).label(),
                        latest(member.account(), member.lastSeen())))
            .toList();
    socket.ifPresent(
        channel -> {
          members.forEach(member -> channel.watch(member.account(), member.shownAs()));
          // Followed before it is noted here, so a sweep never drops it as followed by nobody.
          registry.follow(channel, conversation);
          members.forEach(member -> watchedIn(member.account(), conversation));
        });
    return new ServerFrame.Presence(conversation, states);
  }

  private void watchedIn(long account, long conversation) {
    watchedIn.compute(
        account,
        (id, where) -> {
          Set<Long> conversations = where != null ? where : ConcurrentHashMap.newKeySet();
          conversations.add(conversation);
          return conversations;
        });
  }

  private void tell(long account, PresenceBook.State state) {
    Instant now = Instant.now();
    if (state == PresenceBook.State.OFFLINE) {
      lastSeen.put(account, now);
      remember(account, now);
    }
    Set<Long> where = watchedIn.get(account);
    if (where == null || where.isEmpty()) {
      return;
    }
    // Encoded once per id the watchers know the person by: their account, or a room's handle.
    Map<Long, String> encoded = new HashMap<>();
    Map<SessionChannel, String> frames = new HashMap<>();
    for (Long conversation : where) {
      for (SessionChannel channel : registry.following(conversation)) {
        if (channel.watches(account) && !frames.containsKey(channel)) {
          frames.put(
              channel,
              encoded.computeIfAbsent(
                  channel.shownAs(account), shownAs -> frame(shownAs, state, now)));
        }
      }
    }
    lanes.toSockets(frames);
  }

  private static String frame(long shownAs, PresenceBook.State state, Instant now) {
    return FrameCodec.encode(
        new ServerFrame.Presence(
            null,
            List.of(
                new ServerFrame.PresenceState(
                    shownAs,
                    null,
                    state.label(),
                    state == PresenceBook.State.OFFLINE ? now : null))));
  }

  /**
   * The node stops: everyone connected was last seen now, written at once while the database is
   * still there; the sockets' closes that follow write nothing (their transactions would fail after
   * the application's services have stopped).
   */
  void stopping(Collection<Long> connected) {
    stopping = true;
    try {
      accounts.seen(List.copyOf(connected), Instant.now());
    } catch (RuntimeException failed) {
      LOG.log(Level.DEBUG, "Last seen at stop not stored: {0}", failed.toString());
    }
  }

  /** Written off the calling thread: a socket closing may be on an I/O thread. */
  private void remember(long account, Instant at) {
    if (stopping) {
      return;
    }
    try {
      executor.execute(() -> accounts.seen(account, at));
    } catch (RuntimeException rejected) {
      LOG.log(Level.DEBUG, "Last seen of {0} not stored: {1}", account, rejected.toString());
    }
  }

  private Instant latest(long account, Instant stored) {
    Instant inMemory = lastSeen.get(account);
    if (inMemory == null) {
      return stored;
    }
    return stored == null || inMemory.isAfter(stored) ? inMemory : stored;
  }
}
