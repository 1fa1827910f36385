package com.consultchat.web.messaging.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.platform.boundary.Settings;
import com.consultchat.web.account.boundary.KnownCallers;
import com.consultchat.web.messaging.control.ClientFrame;
import com.consultchat.web.messaging.control.FrameCodec;
import com.consultchat.web.messaging.control.FrameHandler;
import com.consultchat.web.messaging.control.LoginEnds;
import com.consultchat.web.messaging.control.MessagePath;
import com.consultchat.web.messaging.control.PersonLanes;
import com.consultchat.web.messaging.control.Presences;
import com.consultchat.web.messaging.control.ServerFrame;
import com.consultchat.web.messaging.control.SessionChannel;
import com.consultchat.web.messaging.control.SessionRegistry;
import com.consultchat.web.messaging.control.TextAssembler;
import com.consultchat.web.platform.boundary.Languages;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The chat socket: decodes frames and hands them to the {@link MessagePath}, which handles them on
 * behalf of the authenticated person on its own threads and queues the answers. Everything it sends
 * goes through the person's lane ({@link PersonLanes}) to the session's one writer; it never waits
 * on the network, and the worker thread that delivers a frame never waits on the database, so pages
 * keep their threads whatever sockets send.
 */
@ServerEndpoint(value = "/ws/chat", configurator = ChatSocketConfigurator.class)
public class ChatSocket {

  private static final System.Logger LOG = System.getLogger(ChatSocket.class.getName());

  static final long IDLE_LIMIT_MILLIS = 90_000;

  /** Read by the page as when to try again (seconds). */
  static final String TOO_MANY_SOCKETS_REASON = "retry-after=60";

  private static final String INCOMING = TextAssembler.class.getName();

  // Only application-scoped beans here: each socket gets its own endpoint instance, and a dependent
  // one (a stateless EJB's reference too) would be created and kept with every socket.
  @Inject SessionRegistry registry;
  @Inject PersonLanes lanes;
  @Inject Presences presences;
  @Inject KnownCallers knownCallers;
  @Inject MessagePath path;
  @Inject Settings settings;
  @Inject FrameHandler handler;
  @Inject LoginEnds loginEnds;

  @OnOpen
  public void open(Session session) throws IOException {
    Principal principal = session.getUserPrincipal();
    Optional<Caller> caller =
        principal == null ? Optional.empty() : knownCallers.byUsername(principal.getName());
    if (caller.isEmpty()) {
      session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "Log in first"));
      return;
    }
    if (registry.socketCount(caller.get().id()) >= settings.socketsPerPerson()) {
      // Refused rather than closing an older one: that page would come back and close the next.
      // The page tries again within the minute; by then a tab may have been closed.
      session.close(
          new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, TOO_MANY_SOCKETS_REASON));
      return;
    }
    // Room for the longest allowed message even if every character were escaped as \\uXXXX.
    int limit = Math.max(64 * 1024, settings.messageMaxLength() * 6 + 1024);
    session.setMaxTextMessageBufferSize(limit);
    session.getUserProperties().put(INCOMING, new TextAssembler(limit));
    // Clients send a heartbeat every 25 seconds; a socket silent for longer than this is dead.
    session.setMaxIdleTimeout(IDLE_LIMIT_MILLIS);
    SessionChannel channel = registry.open(session, caller.get());
    channel.locale(language(session));
    path.opened(channel);
    presences.opened(channel);
    lanes.toSocket(channel, FrameCodec.encode(new ServerFrame.Ready(caller.get().id())));
  }

  /**
   * Takes text in parts as they arrive, so that a message over the limit is refused (1009) after at
   * most the limit, not buffered whole first.
   */
  @OnMessage
  public void message(Session session, String part, boolean last) throws IOException {
    SessionChannel channel = registry.channel(session);
    TextAssembler incoming = (TextAssembler) session.getUserProperties().get(INCOMING);
    if (channel == null || incoming == null) {
      return;
    }
    if (!loginEnds.stillStands(channel)) {
      // Disabled on another node: this node learnt it from a request or its sweep.
      session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, LoginEnds.DISABLED));
      return;
    }
    Optional<String> text = incoming.add(part, last);
    if (incoming.overflowed()) {
      session.close(new CloseReason(CloseReason.CloseCodes.TOO_BIG, "Frame too large"));
      return;
    }
    if (text.isEmpty()) {
      return;
    }
    Optional<ClientFrame> frame = FrameCodec.decode(text.get());
    if (frame.isEmpty()) {
      lanes.toSocket(channel, FrameCodec.encode(handler.malformed(channel.locale())));
      return;
    }
    frame.get().locale = channel.locale();
    path.received(channel, frame.get(), text.get().length());
  }

  /** The protocol is JSON text; a binary frame is a client that speaks something else. */
  @OnMessage
  public void binary(Session session, ByteBuffer data) throws IOException {
    session.close(new CloseReason(CloseReason.CloseCodes.CANNOT_ACCEPT, "Text frames only (JSON)"));
  }

  /**
   * The language of the page that opened the socket ({@code ?lang=de}), for the words of its error
   * frames; English when it names none the pages speak.
   */
  static Locale language(Session session) {
    List<String> tags = session.getRequestParameterMap().get("lang");
    return tags == null || tags.isEmpty()
        ? Locale.ENGLISH
        : Languages.of(tags.get(0)).orElse(Locale.ENGLISH);
  }

  @OnClose
  public void close(Session session) {
    forget(session);
  }

  @OnError
  public void error(Session session, Throwable failure) {
    LOG.log(Level.DEBUG, "Socket {0} failed: {1}", session.getId(), failure.toString());
    forget(session);
  }

  private void forget(Session session) {
    path.closed(session.getId());
    SessionChannel channel = registry.closed(session);
    if (channel != null) {
      presences.closed(channel);
    }
  }
}
