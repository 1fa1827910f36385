package com.consultchat.web.messaging.control;

import com.consultchat.account.boundary.Accounts;
import com.consultchat.account.boundary.Caller;
import com.consultchat.messaging.boundary.Conversations;
import com.consultchat.messaging.boundary.MemberRef;
import com.consultchat.platform.boundary.Settings;
import com.consultchat.platform.boundary.Whereabouts;
import com.consultchat.platform.boundary.Whereabouts.Here;
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
 * Presence: kept in memory from this node's sockets and polls, shared with the other nodes of a
 * cluster through {@link Whereabouts}, and told to the sockets here that watch a person, who is
 * shown at the best state they have on any node. "Last seen" is written to the database when
 * someone leaves this node. A socket watches the other members of a conversation once it asks for
 * their presence there, which the boundary only answers for members; from then on it follows that
 * conversation in the {@link SessionRegistry}, which is where the watching sockets are found.
 * Changes go out through {@link PersonLanes}.
 */
@ApplicationScoped
public class Presences implements Whereabouts.Local {

  private static final System.Logger LOG = System.getLogger(Presences.class.getName());

  // Watched account -> the conversations in which sockets asked for them; the sockets themselves
  // are the registry's to know.
  private final ConcurrentHashMap<Long, Set<Long>> watchedIn = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Long, Instant> lastSeen = new ConcurrentHashMap<>();
  // What the watchers here were last told of each person who is not offline, so a change on one
  // node that leaves their best state as it was tells nobody.
  private final ConcurrentHashMap<Long, PresenceBook.State> told = new ConcurrentHashMap<>();
  private volatile boolean stopping;
  private volatile PresenceBook book;

  @Inject Conversations conversations;
  @Inject Accounts accounts;
  @Inject Settings settings;
  @Inject SessionRegistry registry;
  @Inject PersonLanes lanes;
  @Inject Sweepers sweepers;
  @Inject Whereabouts whereabouts;
  @Resource ManagedExecutorService executor;

  @PostConstruct
  void start() {
    sweepers.every(5_000, "presence", this::sweep);
    whereabouts.follow(this);
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
    long account = channel.caller().id();
    book().socketOpened(account).ifPresent(s -> changedHere(account, s));
  }

  public void closed(SessionChannel channel) {
    long account = channel.caller().id();
    book().socketClosed(account, channel.away()).ifPresent(s -> changedHere(account, s));
  }

  /** The socket reports its page idle or in use again. */
  void away(SessionChannel channel, boolean away) {
    long account = channel.caller().id();
    if (channel.markAway(away)) {
      book().socketAway(account, away).ifPresent(s -> changedHere(account, s));
    }
  }

  void polled(Caller caller, boolean away) {
    book().polled(caller.id(), away).ifPresent(s -> changedHere(caller.id(), s));
  }

  @Override
  public Here here(long account) {
    return switch (book().state(account)) {
      case ONLINE -> Here.ONLINE;
      case AWAY -> Here.AWAY;
      case OFFLINE -> Here.OFFLINE;
    };
  }

  @Override
  public void moved(Collection<Long> accounts) {
    accounts.forEach(this::tell);
  }

  @Override
  public void nodesChanged() {
    List.copyOf(told.keySet()).forEach(this::tell);
  }

  /** Polling browsers that stopped polling have left; conversations nobody follows are dropped. */
  void sweep() {
    book().sweep().forEach(change -> changedHere(change.account(), change.state()));
    watchedIn.forEach(
        (account, where) -> {
          where.removeIf(conversation -> registry.following(conversation).isEmpty());
          watchedIn.computeIfPresent(account, (id, set) -> set.isEmpty() ? null : set);
        });
  }

  /** How many people have the app open (online or away) on any node. */
  public int here() {
    return whereabouts.people(book().here());
  }

  /** Whether the person has the app open (online or away) on any node. */
  public boolean isHere(long account) {
    return best(account) != PresenceBook.State.OFFLINE;
  }

  /** The best state the person has on any node. */
  private PresenceBook.State best(long account) {
    PresenceBook.State here = book().state(account);
    if (here == PresenceBook.State.ONLINE) {
      return here;
    }
    return switch (whereabouts.elsewhere(account)) {
      case ONLINE -> PresenceBook.State.ONLINE;
      case AWAY -> PresenceBook.State.AWAY;
      case OFFLINE -> here;
    };
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
                        best(member.account()).label(),
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

  /** The person's state on this node changed: the other nodes and the watchers here hear of it. */
  private void changedHere(long account, PresenceBook.State state) {
    whereabouts.changed(account);
    if (state == PresenceBook.State.OFFLINE) {
      Instant now = Instant.now();
      lastSeen.put(account, now);
      remember(account, now);
    }
    tell(account);
  }

  /** Tells the watchers here the person's best state, if it is not what they were last told. */
  private void tell(long account) {
    PresenceBook.State state = best(account);
    PresenceBook.State before =
        state == PresenceBook.State.OFFLINE ? told.remove(account) : told.put(account, state);
    if (state == (before == null ? PresenceBook.State.OFFLINE : before)) {
      return;
    }
    Set<Long> where = watchedIn.get(account);
    if (where == null || where.isEmpty()) {
      return;
    }
    Instant now = Instant.now();
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
