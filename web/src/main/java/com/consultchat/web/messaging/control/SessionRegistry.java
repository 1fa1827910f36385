package com.consultchat.web.messaging.control;

import com.consultchat.account.boundary.Caller;
import com.consultchat.consultation.boundary.ConsultationChanged;
import com.consultchat.consultation.boundary.QueueChanged;
import com.consultchat.messaging.boundary.ChatMessage;
import com.consultchat.messaging.boundary.MessagePosted;
import com.consultchat.messaging.boundary.ReceiptChanged;
import com.consultchat.messaging.boundary.Typing;
import com.consultchat.platform.boundary.Notification;
import com.consultchat.platform.boundary.NotificationSink;
import com.consultchat.platform.boundary.Notifications;
import com.consultchat.room.boundary.RoomChanged;
import com.consultchat.web.messaging.boundary.SocketsAtUndeploy;
import com.consultchat.web.platform.boundary.ServerSuspension;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
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
import java.util.concurrent.TimeUnit;

/**
 * Every open socket of this node, by account. Committed notifications arrive here and are queued on
 * the sockets of the people concerned; encoding happens once per notification, not once per socket,
 * and the queuing itself is spread over the cores by {@link FanOut}.
 */
@ApplicationScoped
public class SessionRegistry implements NotificationSink {

  // How long a graceful stop waits for the close callbacks of the sockets it closed.
  private static final long CLOSE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final ConcurrentHashMap<String, SessionChannel> channels = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Long, Set<SessionChannel>> byAccount = new ConcurrentHashMap<>();

  private final SeqOrder order = new SeqOrder(System::nanoTime);
  private final RecentTyping typing = new RecentTyping(System::nanoTime);
  private final PollVersions pollVersions = new PollVersions(System::nanoTime);
  private FanOut fanOut;
  private Sweepers sweepers;
  private Runnable unregisterSuspension;

  @Inject Notifications notifications;
  @Inject Presences presences;
  @Resource ManagedThreadFactory threads;
  @Resource ManagedExecutorService executor;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    // Two lanes per core: enough to keep every core writing while one lane waits for its thread.
    fanOut = new FanOut(2 * Runtime.getRuntime().availableProcessors(), executor);
    notifications.register(this);
    sweepers = new Sweepers(threads);
    sweepers.every(250, "message order", order::sweep);
    sweepers.every(
        5_000,
        "presence",
        () -> {
          presences.sweep();
          typing.sweep();
          pollVersions.sweep();
        });
    unregisterSuspension = ServerSuspension.onPrepare(this::closeForRestart);
  }

  @PreDestroy
  void stop() {
    notifications.unregister(this);
    if (unregisterSuspension != null) {
      unregisterSuspension.run();
    }
    if (sweepers != null) {
      sweepers.stop();
    }
  }

  /**
   * A graceful stop tells every socket the service restarts (1012) and within how many seconds to
   * come back: clients reconnect at a random moment in that window, so the more sockets this node
   * holds, the wider they spread. Called before the server closes the sockets itself (see {@link
   * ServerSuspension} and {@link SocketsAtUndeploy}); it then waits, briefly, for their close
   * callbacks, which must run while the application's services are still there.
   */
  public void closeForRestart() {
    presences.stopping(byAccount.keySet());
    String reason = "retry-after=" + reconnectWindowSeconds(channels.size());
    channels.values().forEach(c -> c.close(CloseReason.CloseCodes.SERVICE_RESTART, reason));
    long deadline = System.nanoTime() + CLOSE_WAIT_NANOS;
    synchronized (channels) {
      long left;
      while (!channels.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
        try {
          TimeUnit.NANOSECONDS.timedWait(channels, left);
        } catch (InterruptedException stopNow) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /**
   * One second per 50 sockets, at least 15 (a restart itself takes some of the window) and at most
   * 60: a thousand sockets then come back over about 20 s.
   */
  static int reconnectWindowSeconds(int sockets) {
    return Math.max(15, Math.min(60, sockets / 50));
  }

  public SessionChannel open(Session session, Caller caller) {
    SessionChannel channel = new SessionChannel(session, caller);
    channels.put(channel.id(), channel);
    byAccount.computeIfAbsent(caller.id(), id -> ConcurrentHashMap.newKeySet()).add(channel);
    presences.opened(channel);
    return channel;
  }

  public void closed(Session session) {
    SessionChannel channel = channels.remove(session.getId());
    if (channel != null) {
      byAccount.computeIfPresent(
          channel.caller().id(),
          (id, set) -> {
            set.remove(channel);
            return set.isEmpty() ? null : set;
          });
      presences.closed(channel);
      if (channels.isEmpty()) {
        synchronized (channels) {
          channels.notifyAll();
        }
      }
    }
  }

  public SessionChannel channel(Session session) {
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
  public void reply(SessionChannel channel, String text) {
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
  public String pollVersion(long conversation, long account) {
    return pollVersions.current(conversation, account);
  }

  /** Who else is typing in a conversation, for a poll. */
  public List<ServerFrame.Typing> typingIn(long conversation, long viewer) {
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
