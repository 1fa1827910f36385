package com.consultchat.web.messaging.control;

import com.consultchat.account.boundary.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.Session;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Every open socket of this node, and nothing else: one index, by socket, by person and by the
 * conversations a socket follows. Whoever needs to find sockets asks here; sending to them is
 * {@link PersonLanes}' job, closing them {@link Disconnects}'.
 */
@ApplicationScoped
public class SessionRegistry {

  private final ConcurrentHashMap<String, SessionChannel> channels = new ConcurrentHashMap<>();
  // Waited on until no socket is left (at a graceful stop); the last close wakes the waiter.
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition emptied = lock.newCondition();
  private final ConcurrentHashMap<Long, Set<SessionChannel>> byPerson = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Long, Set<SessionChannel>> byConversation =
      new ConcurrentHashMap<>();

  public SessionChannel open(Session session, Caller caller) {
    SessionChannel channel = new SessionChannel(session, caller);
    channels.put(channel.id(), channel);
    add(byPerson, caller.id(), channel);
    return channel;
  }

  /** Forgets the socket; returns it, or null if it was not (or no longer) registered. */
  public SessionChannel closed(Session session) {
    SessionChannel channel = channels.remove(session.getId());
    if (channel == null) {
      return null;
    }
    remove(byPerson, channel.caller().id(), channel);
    channel.following().forEach(conversation -> remove(byConversation, conversation, channel));
    if (channels.isEmpty()) {
      lock.lock();
      try {
        emptied.signalAll();
      } finally {
        lock.unlock();
      }
    }
    return channel;
  }

  public SessionChannel channel(Session session) {
    return channels.get(session.getId());
  }

  /**
   * The socket follows the conversation from now on (it asked for its members' presence there). A
   * socket that closed meanwhile is taken out again at once, so the index never keeps a dead one.
   */
  void follow(SessionChannel channel, long conversation) {
    if (!channel.follow(conversation)) {
      return;
    }
    add(byConversation, conversation, channel);
    if (channels.get(channel.id()) != channel) {
      remove(byConversation, conversation, channel);
    }
  }

  /** The person's sockets stop following the conversation (they are no longer a member). */
  void unfollow(long account, long conversation) {
    for (SessionChannel channel : socketsOf(account)) {
      if (channel.unfollow(conversation)) {
        remove(byConversation, conversation, channel);
      }
    }
  }

  /** How many sockets are open on this node. */
  public int socketCount() {
    return channels.size();
  }

  /** How many sockets the person has open on this node. */
  public int socketCount(long account) {
    return socketsOf(account).size();
  }

  /** The open sockets of a person. */
  Collection<SessionChannel> socketsOf(long account) {
    Set<SessionChannel> sockets = byPerson.get(account);
    return sockets == null ? List.of() : sockets;
  }

  /** The open sockets that follow a conversation. */
  Collection<SessionChannel> following(long conversation) {
    Set<SessionChannel> sockets = byConversation.get(conversation);
    return sockets == null ? List.of() : sockets;
  }

  /** Every open socket. */
  Collection<SessionChannel> sockets() {
    return channels.values();
  }

  /** Everybody with a socket open. */
  Set<Long> people() {
    return byPerson.keySet();
  }

  /** Waits until no socket is left or the time is up; returns whether none is left. */
  boolean awaitEmpty(long nanos) throws InterruptedException {
    long deadline = System.nanoTime() + nanos;
    lock.lock();
    try {
      long left = deadline - System.nanoTime();
      while (!channels.isEmpty() && left > 0) {
        left = emptied.awaitNanos(left);
      }
      return channels.isEmpty();
    } finally {
      lock.unlock();
    }
  }

  // Inside the map's lock for the key, so a set emptied and dropped at the same time is never added
  // to.
  private static void add(
      ConcurrentHashMap<Long, Set<SessionChannel>> index, long key, SessionChannel channel) {
    index.compute(
        key,
        (id, set) -> {
          Set<SessionChannel> sockets = set != null ? set : ConcurrentHashMap.newKeySet();
          sockets.add(channel);
          return sockets;
        });
  }

  private static void remove(
      ConcurrentHashMap<Long, Set<SessionChannel>> index, long key, SessionChannel channel) {
    index.computeIfPresent(
        key,
        (id, set) -> {
          set.remove(channel);
          return set.isEmpty() ? null : set;
        });
  }
}
