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
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Every open socket of this node, by account. Committed notifications arrive here and are queued on
 * the sockets of the people concerned; encoding happens once per notification, not once per socket,
 * and the queuing itself is spread over the cores by {@link FanOut}.
 */
@ApplicationScoped
public class SessionRegistry implements NotificationSink {

  private final ConcurrentHashMap<String, SessionChannel> channels = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Long, Set<SessionChannel>> byAccount = new ConcurrentHashMap<>();

  private final SeqOrder order = new SeqOrder(System::nanoTime);
  private final RecentTyping typing = new RecentTyping(System::nanoTime);
  private final PollVersions pollVersions = new PollVersions(System::nanoTime);
  private FanOut fanOut;
  private ScheduledFuture<?> sweeper;
  private ScheduledFuture<?> presenceSweeper;

  @Inject Notifications notifications;
  @Inject Presences presences;
  @Resource ManagedScheduledExecutorService scheduler;
  @Resource ManagedExecutorService executor;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    // Two lanes per core: enough to keep every core writing while one lane waits for its thread.
    fanOut = new FanOut(2 * Runtime.getRuntime().availableProcessors(), executor);
    notifications.register(this);
    sweeper = scheduler.scheduleWithFixedDelay(order::sweep, 250, 250, TimeUnit.MILLISECONDS);
    presenceSweeper =
        scheduler.scheduleWithFixedDelay(
            () -> {
              presences.sweep();
              typing.sweep();
              pollVersions.sweep();
            },
            5,
            5,
            TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    notifications.unregister(this);
    if (sweeper != null) {
      sweeper.cancel(false);
      presenceSweeper.cancel(false);
    }
    channels.values().forEach(c -> c.close(CloseReason.CloseCodes.GOING_AWAY, "Server stopping"));
  }

  SessionChannel open(Session session, Caller caller) {
    SessionChannel channel = new SessionChannel(session, caller);
    channels.put(channel.id(), channel);
    byAccount.computeIfAbsent(caller.id(), id -> ConcurrentHashMap.newKeySet()).add(channel);
    presences.opened(channel);
    return channel;
  }

  void closed(Session session) {
    SessionChannel channel = channels.remove(session.getId());
    if (channel != null) {
      byAccount.computeIfPresent(
          channel.caller().id(),
          (id, set) -> {
            set.remove(channel);
            return set.isEmpty() ? null : set;
          });
      presences.closed(channel);
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

  /**
   * Answers a frame on the socket it came from, behind everything already handed to its person, so
   * the ack of a message never overtakes the message itself on the sender's socket.
   */
  void reply(SessionChannel channel, String text) {
    fanOut.deliver(List.of(channel.caller().id()), account -> channel.send(text));
  }

  /**
   * Sheds a socket (1013): closed behind everything already handed to its person, so the answers it
   * was given first (acks, busy refusals) still reach it.
   */
  void shed(SessionChannel channel) {
    fanOut.deliver(
        List.of(channel.caller().id()),
        account ->
            channel.closeAfterQueued(
                CloseReason.CloseCodes.TRY_AGAIN_LATER, SessionChannel.SHED_REASON));
  }

  /** The conversation's poll token; see {@link PollVersions}. */
  String pollVersion(long conversation, long account) {
    return pollVersions.current(conversation, account);
  }

  /** Who else is typing in a conversation, for a poll. */
  List<ServerFrame.Typing> typingIn(long conversation, long viewer) {
    return typing.now(conversation, viewer);
  }

  public int openSockets() {
    return channels.size();
  }

  @Override
  public void deliver(Notification notification) {
    if (notification instanceof MessagePosted posted) {
      ChatMessage message = posted.message();
      pollVersions.changed(message.conversation());
      order.arrive(
          message.conversation(),
          message.seq(),
          () -> toAccounts(posted.recipients(), new ServerFrame.Message(message)));
    } else if (notification instanceof RoomChanged changed) {
      toAccounts(changed.recipients(), new ServerFrame.Room(changed.room()));
    } else if (notification instanceof ReceiptChanged changed) {
      pollVersions.changed(changed.conversation());
      toAccounts(
          changed.recipients(), new ServerFrame.Receipt(changed.conversation(), changed.receipt()));
    } else if (notification instanceof Typing typed) {
      typing.typed(typed.conversation(), typed.account(), typed.name());
      toAccounts(
          typed.recipients(),
          new ServerFrame.Typing(typed.conversation(), typed.account(), typed.name()));
    } else if (notification instanceof ConsultationChanged changed) {
      toAccounts(changed.recipients(), new ServerFrame.Consultation(changed.consultation()));
    } else if (notification instanceof QueueChanged changed) {
      String frame = FrameCodec.encode(new ServerFrame.Queue(changed.arrived()));
      channels.values().stream()
          .filter(channel -> channel.caller().isStaff())
          .forEach(channel -> channel.send(frame));
    }
  }

  private void toAccounts(Collection<Long> accounts, ServerFrame frame) {
    String text = FrameCodec.encode(frame);
    fanOut.deliver(
        accounts,
        account -> {
          Set<SessionChannel> sessions = byAccount.get(account);
          if (sessions != null) {
            sessions.forEach(channel -> channel.send(text));
          }
        });
  }
}
