package com.consultchat.messaging.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.consultation.boundary.ConsultationChanged;
import com.consultchat.consultation.boundary.QueueChanged;
import com.consultchat.focusgroup.boundary.RoomChanged;
import com.consultchat.platform.boundary.Notification;
import com.consultchat.platform.boundary.NotificationSink;
import com.consultchat.platform.boundary.Notifications;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.lang.System.Logger.Level;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Every open socket of this node, by account. Committed notifications arrive here and are queued on
 * the sockets of the people concerned; encoding happens once per notification, not once per socket.
 */
@ApplicationScoped
public class SessionRegistry implements NotificationSink {

  private static final System.Logger LOG = System.getLogger(SessionRegistry.class.getName());

  private final ConcurrentHashMap<String, SessionChannel> channels = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Long, Set<SessionChannel>> byAccount = new ConcurrentHashMap<>();

  private final SeqOrder order = new SeqOrder(System::nanoTime);
  private ScheduledFuture<?> sweeper;

  @Inject Notifications notifications;
  @Inject Presence presenceTargets;
  @Resource ManagedScheduledExecutorService scheduler;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    notifications.register(this);
    sweeper = scheduler.scheduleWithFixedDelay(order::sweep, 250, 250, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    notifications.unregister(this);
    if (sweeper != null) {
      sweeper.cancel(false);
    }
    channels.values().forEach(c -> c.close(CloseReason.CloseCodes.GOING_AWAY, "Server stopping"));
  }

  SessionChannel open(Session session, Caller caller) {
    SessionChannel channel = new SessionChannel(session, caller);
    channels.put(channel.id(), channel);
    boolean[] first = {false};
    byAccount.compute(
        caller.id(),
        (id, set) -> {
          Set<SessionChannel> sessions = set == null ? ConcurrentHashMap.newKeySet() : set;
          first[0] = sessions.isEmpty();
          sessions.add(channel);
          return sessions;
        });
    if (first[0]) {
      presence(caller.id(), true);
    }
    return channel;
  }

  void closed(Session session) {
    SessionChannel channel = channels.remove(session.getId());
    if (channel != null) {
      boolean[] last = {false};
      byAccount.computeIfPresent(
          channel.caller().id(),
          (id, set) -> {
            set.remove(channel);
            last[0] = set.isEmpty();
            return set.isEmpty() ? null : set;
          });
      if (last[0]) {
        presence(channel.caller().id(), false);
      }
    }
  }

  /** The accounts with at least one socket open on this node. */
  public Set<Long> onlineAccounts() {
    return Set.copyOf(byAccount.keySet());
  }

  /**
   * Tells the other participants of the person's conversations that they came or went (their first
   * socket opened, their last one closed). Best effort: a failure here must not break the socket.
   */
  private void presence(long accountId, boolean online) {
    try {
      for (PresenceTarget target : presenceTargets.targets(accountId)) {
        toAccounts(
            target.recipients(),
            new ServerFrame.Presence(target.conversation(), target.member(), online));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.DEBUG, "Presence of {0} not told: {1}", accountId, e.toString());
    }
  }

  SessionChannel channel(Session session) {
    return channels.get(session.getId());
  }

  /**
   * Logout or an expired HTTP session ends the person's sockets. The handshake cannot tell which
   * HTTP session a socket came from without racing other handshakes, so all of the person's sockets
   * close; those of sessions still logged in reconnect at once and catch up.
   */
  public void closeAccount(long accountId) {
    Set<SessionChannel> sessions = byAccount.get(accountId);
    if (sessions != null) {
      sessions.forEach(
          channel -> channel.close(CloseReason.CloseCodes.VIOLATED_POLICY, "Session ended"));
    }
  }

  public int openSockets() {
    return channels.size();
  }

  @Override
  public void deliver(Notification notification) {
    if (notification instanceof MessagePosted posted) {
      ChatMessage message = posted.message();
      order.arrive(
          message.conversation(),
          message.seq(),
          () -> toAccounts(posted.recipients(), new ServerFrame.Message(message)));
    } else if (notification instanceof MessageChanged changed) {
      toAccounts(changed.recipients(), new ServerFrame.Changed(changed.message()));
    } else if (notification instanceof Typing typing) {
      toAccounts(typing.recipients(), new ServerFrame.Typing(typing));
    } else if (notification instanceof RoomChanged changed) {
      toAccounts(changed.recipients(), new ServerFrame.Room(changed.room()));
    } else if (notification instanceof ReceiptChanged changed) {
      toAccounts(
          changed.recipients(), new ServerFrame.Receipt(changed.conversation(), changed.receipt()));
    } else if (notification instanceof ConsultationChanged changed) {
      toAccounts(changed.recipients(), new ServerFrame.Consultation(changed.consultation()));
    } else if (notification instanceof QueueChanged) {
      String frame = FrameCodec.encode(new ServerFrame.Queue());
      channels.values().stream()
          .filter(channel -> channel.caller().isStaff())
          .forEach(channel -> channel.send(frame));
    }
  }

  private void toAccounts(Collection<Long> accounts, ServerFrame frame) {
    String text = FrameCodec.encode(frame);
    for (Long account : accounts) {
      Set<SessionChannel> sessions = byAccount.get(account);
      if (sessions != null) {
        sessions.forEach(channel -> channel.send(text));
      }
    }
  }
}
