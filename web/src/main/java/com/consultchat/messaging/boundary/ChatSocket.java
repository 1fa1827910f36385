package com.consultchat.messaging.boundary;

import com.consultchat.account.boundary.Accounts;
import com.consultchat.account.boundary.Caller;
import com.consultchat.platform.boundary.Settings;
import com.consultchat.platform.entity.Refused;
import jakarta.ejb.EJBException;
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
import java.security.Principal;
import java.util.List;
import java.util.Optional;

/**
 * The chat socket: decodes frames, calls the boundary on behalf of the authenticated person and
 * queues the answer. Everything it sends goes through the session's one writer; it never waits on
 * the network. Messages reach it on worker threads (WildFly dispatches socket work to the worker
 * pool), so the database work of a send never holds an I/O thread.
 */
@ServerEndpoint(value = "/ws/chat", configurator = ChatSocketConfigurator.class)
public class ChatSocket {

  private static final System.Logger LOG = System.getLogger(ChatSocket.class.getName());

  @Inject SessionRegistry registry;
  @Inject Accounts accounts;
  @Inject Conversations conversations;
  @Inject Settings settings;

  @OnOpen
  public void open(Session session) throws IOException {
    Principal principal = session.getUserPrincipal();
    Optional<Caller> caller =
        principal == null ? Optional.empty() : accounts.caller(principal.getName());
    if (caller.isEmpty()) {
      session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "Log in first"));
      return;
    }
    // Room for the longest allowed message even if every character were escaped as \\uXXXX.
    session.setMaxTextMessageBufferSize(
        Math.max(64 * 1024, settings.messageMaxLength() * 6 + 1024));
    SessionChannel channel = registry.open(session, caller.get());
    channel.send(FrameCodec.encode(new ServerFrame.Ready(caller.get().id())));
  }

  @OnMessage
  public void message(Session session, String text) {
    SessionChannel channel = registry.channel(session);
    if (channel == null) {
      return;
    }
    Optional<ClientFrame> frame = FrameCodec.decode(text);
    if (frame.isEmpty()) {
      channel.send(
          problem("malformed", "That frame is not a JSON object this server reads.", null));
      return;
    }
    channel.send(FrameCodec.encode(answer(channel.caller(), frame.get())));
  }

  @OnClose
  public void close(Session session) {
    registry.closed(session);
  }

  @OnError
  public void error(Session session, Throwable failure) {
    LOG.log(Level.DEBUG, "Socket {0} failed: {1}", session.getId(), failure.toString());
    registry.closed(session);
  }

  private ServerFrame answer(Caller caller, ClientFrame frame) {
    try {
      return switch (frame.type == null ? "" : frame.type) {
        case "send" -> {
          Posted posted =
              conversations.post(caller, conversation(frame), frame.clientId, frame.body);
          yield new ServerFrame.Ack(posted.message(), posted.resend());
        }
        case "sync" -> {
          long conversation = conversation(frame);
          List<ChatMessage> page =
              conversations.history(caller, conversation, frame.after == null ? 0 : frame.after);
          yield new ServerFrame.History(conversation, page, page.size() < Conversations.PAGE);
        }
        case "ping" -> new ServerFrame.Pong();
        default ->
            new ServerFrame.Problem(
                "unknown-type", "Unknown frame type; use send, sync or ping.", frame.clientId);
      };
    } catch (Refused refused) {
      return new ServerFrame.Problem(code(refused), refused.getMessage(), frame.clientId);
    } catch (EJBException failure) {
      LOG.log(
          Level.ERROR, "A " + frame.type + " frame of " + caller.username() + " failed", failure);
      return new ServerFrame.Problem(
          "server", "The server could not handle this; please try again.", frame.clientId);
    }
  }

  private static long conversation(ClientFrame frame) {
    if (frame.conversation == null) {
      throw Refused.invalid("The frame names no conversation.");
    }
    return frame.conversation;
  }

  private static String problem(String code, String message, String clientId) {
    return FrameCodec.encode(new ServerFrame.Problem(code, message, clientId));
  }

  private static String code(Refused refused) {
    return switch (refused.reason()) {
      case INVALID -> "invalid";
      case NOT_FOUND -> "not-found";
      case FORBIDDEN -> "forbidden";
      case CONFLICT -> "conflict";
    };
  }
}
