package com.consultchat.messaging.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.platform.entity.Refused;
import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * Answers client frames for the socket and for HTTP polling alike, so both transports speak exactly
 * the same protocol. Refusals become error frames; nothing a client sends can take a transport
 * down.
 */
@ApplicationScoped
public class FrameHandler {

  private static final System.Logger LOG = System.getLogger(FrameHandler.class.getName());

  @Inject Conversations conversations;
  @Inject Receipts receipts;
  @Inject Presences presences;

  /**
   * The answer to one frame, if it has one (receipts and typing have none). {@code socket} is the
   * socket it came over, or null for a poll.
   */
  public Optional<ServerFrame> answer(Caller caller, ClientFrame frame, SessionChannel socket) {
    try {
      return Optional.ofNullable(dispatch(caller, frame, socket));
    } catch (Refused refused) {
      return Optional.of(
          new ServerFrame.Problem(code(refused), refused.getMessage(), frame.clientId));
    } catch (EJBException failure) {
      LOG.log(
          Level.ERROR, "A " + frame.type + " frame of " + caller.username() + " failed", failure);
      return Optional.of(
          new ServerFrame.Problem(
              "server", "The server could not handle this; please try again.", frame.clientId));
    }
  }

  public static ServerFrame malformed() {
    return new ServerFrame.Problem(
        "malformed", "That frame is not a JSON object this server reads.", null);
  }

  private ServerFrame dispatch(Caller caller, ClientFrame frame, SessionChannel socket) {
    switch (frame.type == null ? "" : frame.type) {
      case "send" -> {
        Posted posted = conversations.post(caller, conversation(frame), frame.clientId, frame.body);
        return new ServerFrame.Ack(posted.message(), posted.resend());
      }
      case "edit" -> {
        Posted posted =
            conversations.edit(caller, conversation(frame), frame.clientId, ref(frame), frame.body);
        return new ServerFrame.Ack(posted.message(), posted.resend());
      }
      case "delete" -> {
        Posted posted =
            conversations.delete(caller, conversation(frame), frame.clientId, ref(frame));
        return new ServerFrame.Ack(posted.message(), posted.resend());
      }
      case "typing" -> {
        conversations.typing(caller, conversation(frame));
        return null;
      }
      case "presence" -> {
        boolean away = "away".equals(frame.state);
        if (socket != null) {
          presences.away(socket, away);
        } else {
          presences.polled(caller, away);
        }
        return presences.of(caller, conversation(frame), Optional.ofNullable(socket));
      }
      case "sync" -> {
        return new ServerFrame.History(
            conversations.catchUp(
                caller, conversation(frame), frame.after == null ? 0 : frame.after));
      }
      case "receipt" -> {
        receipts.record(
            caller,
            conversation(frame),
            frame.delivered == null ? 0 : frame.delivered,
            frame.read == null ? 0 : frame.read);
        return null;
      }
      case "ping" -> {
        return new ServerFrame.Pong();
      }
      default -> {
        return new ServerFrame.Problem(
            "unknown-type",
            "Unknown frame type; use send, edit, delete, sync, receipt, typing, presence or ping.",
            frame.clientId);
      }
    }
  }

  private static long conversation(ClientFrame frame) {
    if (frame.conversation == null) {
      throw Refused.invalid("The frame names no conversation.");
    }
    return frame.conversation;
  }

  private static long ref(ClientFrame frame) {
    if (frame.ref == null || frame.ref < 1) {
      throw Refused.invalid("The frame names no message to change.");
    }
    return frame.ref;
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
