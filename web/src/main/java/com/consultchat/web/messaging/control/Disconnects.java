package com.consultchat.web.messaging.control;

import com.consultchat.account.boundary.SessionEnded;
import com.consultchat.platform.boundary.Notifications;
import com.consultchat.web.platform.boundary.ServerSuspension;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Closes sockets the server ends: all of them at a restart, a person's at the end of a login. */
@ApplicationScoped
public class Disconnects {

  // How long a graceful stop waits for the close callbacks of the sockets it closed.
  private static final long CLOSE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

  @Inject SessionRegistry registry;
  @Inject Presences presences;
  @Inject NotificationRouter router;
  @Inject Notifications notifications;

  private Runnable unregisterSuspension;
  private volatile boolean stopping;

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    unregisterSuspension = ServerSuspension.register(this::forRestart, this::resumed);
    router.route(SessionEnded.class, ended -> ofAccount(ended.account()));
  }

  @PreDestroy
  void stop() {
    if (unregisterSuspension != null) {
      unregisterSuspension.run();
    }
  }

  /**
   * A graceful stop tells every socket the service restarts (1012) and within how many seconds to
   * come back: clients reconnect at a random moment in that window, so the more sockets this node
   * holds, the wider they spread. Called before the server closes the sockets itself (see {@link
   * ServerSuspension} and {@link com.consultchat.web.messaging.boundary.SocketsAtUndeploy}); it
   * then waits, briefly, for their close callbacks, which must run while the application's services
   * are still there.
   */
  public void forRestart() {
    stopping = true;
    presences.stopping(List.copyOf(registry.people()));
    List<SessionChannel> sockets = List.copyOf(registry.sockets());
    String reason = "retry-after=" + reconnectWindowSeconds(sockets.size());
    sockets.forEach(channel -> channel.close(CloseReason.CloseCodes.SERVICE_RESTART, reason));
    try {
      registry.awaitEmpty(CLOSE_WAIT_NANOS);
    } catch (InterruptedException stopNow) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * One second per 50 sockets, at least 15 (a restart itself takes some of the window) and at most
   * 60: a thousand sockets then come back over about 20 s.
   */
  static int reconnectWindowSeconds(int sockets) {
    return Math.max(15, Math.min(60, sockets / 50));
  }

  /** A suspended node that resumes instead of stopping tells the others of ended sessions again. */
  void resumed() {
    stopping = false;
  }

  /**
   * A logged-in HTTP session ended here (logout or timeout): the person's sockets close on this
   * node and, in a cluster, on the others, where the same session may have opened some. Not while
   * this node stops: its sessions live on in the cluster.
   */
  public void sessionEnded(long accountId) {
    ofAccount(accountId);
    if (!stopping) {
      notifications.toOtherNodes(new SessionEnded(accountId));
    }
  }

  /**
   * Logout or an expired HTTP session ends the person's sockets. The handshake cannot tell which
   * HTTP session a socket came from without racing other handshakes, so all of the person's sockets
   * close; those of sessions still logged in reconnect at once and catch up.
   */
  void ofAccount(long accountId) {
    registry
        .socketsOf(accountId)
        .forEach(channel -> channel.close(CloseReason.CloseCodes.VIOLATED_POLICY, "Session ended"));
  }
}
