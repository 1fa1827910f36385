package com.consultchat.web.messaging.control;

import com.consultchat.account.boundary.Caller;
import com.consultchat.messaging.boundary.Conversations;
import com.consultchat.messaging.boundary.Draft;
import com.consultchat.messaging.boundary.Posted;
import com.consultchat.messaging.boundary.Receipts;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.web.platform.boundary.Failure;
import com.consultchat.web.platform.boundary.Problems;
import com.consultchat.web.platform.boundary.Words;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Answers client frames for the socket and for HTTP polling alike, so both transports speak exactly
 * the same protocol. Refusals become error frames; nothing a client sends can take a transport
 * down. A failure that may pass (the database stalled, restarting or out of connections) is not
 * answered but reported, so the caller can try the frame again; it is logged once per kind and
 * interval, without content or stack trace.
 */
@ApplicationScoped
public class FrameHandler {

  private static final System.Logger LOG = System.getLogger(FrameHandler.class.getName());

  private final FailureLog failures =
      new FailureLog(System::nanoTime, line -> LOG.log(Level.WARNING, line));

  @Inject Conversations conversations;
  @Inject Receipts receipts;
  @Inject Presences presences;
  @Inject MessagingMeters meters;
  @Inject Words words;

  /**
   * The answer to one frame, if it has one (receipts and typing have none), in one try: a failure
   * that may pass is answered {@code busy}. {@code socket} is the socket it came over, or null for
   * a poll.
   */
  public Optional<ServerFrame> answer(Caller caller, ClientFrame frame, SessionChannel socket) {
    Attempt attempt = attempt(caller, frame, socket);
    if (attempt instanceof Attempt.Done done) {
      return Optional.ofNullable(done.answer());
    }
    return busy(frame, InboundLane.GAVE_UP_RETRY_SECONDS);
  }

  /** One try at a frame: its answer, or the failure that kept it from one, if that may pass. */
  Attempt attempt(Caller caller, ClientFrame frame, SessionChannel socket) {
    try {
      return new Attempt.Done(dispatch(caller, frame, socket));
    } catch (RuntimeException exception) {
      return failed(frame, exception);
    }
  }

  /**
   * As {@link #attempt}, but a text send that group commit stores completes once it is committed,
   * on the committer's thread: nothing waits for it meanwhile. Never completes exceptionally.
   */
  CompletableFuture<Attempt> attemptLater(Caller caller, ClientFrame frame, SessionChannel socket) {
    if (!"send".equals(frame.type)) {
      return CompletableFuture.completedFuture(attempt(caller, frame, socket));
    }
    CompletableFuture<Posted> posted;
    try {
      posted =
          conversations.postLater(
              caller, conversation(frame), frame.clientId, frame.kind, frame.body);
    } catch (RuntimeException exception) {
      return CompletableFuture.completedFuture(failed(frame, exception));
    }
    return posted.handle(
        (stored, failure) ->
            failure == null
                ? new Attempt.Done(answer(stored, conversation(frame)))
                : failed(frame, unwrapped(failure)));
  }

  /**
   * Sends of one caller to one conversation, next to each other in a lane, tried together: stored
   * by group commit in one group (each refused alone if it must be), or else as one transaction;
   * where that cannot be (a resend among them, a held post, a refusal, a failure that will not
   * pass) each is tried alone. The attempts are in order and end at the first that failed for a
   * reason that may pass. Never completes exceptionally.
   */
  CompletableFuture<List<Attempt>> attemptSends(
      Caller caller, List<ClientFrame> sends, SessionChannel socket) {
    if (sends.size() > 1) {
      try {
        Optional<List<CompletableFuture<Posted>>> later =
            conversations.postTogetherLater(caller, conversation(sends.get(0)), drafts(sends));
        if (later.isPresent()) {
          return answers(sends, later.get());
        }
        Optional<List<Posted>> together =
            conversations.postTogether(caller, conversation(sends.get(0)), drafts(sends));
        if (together.isPresent()) {
          return CompletableFuture.completedFuture(
              together.get().stream()
                  .map(
                      posted ->
                          (Attempt)
                              new Attempt.Done(
                                  new ServerFrame.Ack(posted.message(), posted.resend())))
                  .toList());
        }
      } catch (RuntimeException exception) {
        Failure failure = Failure.of(exception);
        if (failure.retryable()) {
          return CompletableFuture.completedFuture(List.of(retried(failure)));
        }
      }
    }
    List<Attempt> attempts = new ArrayList<>();
    for (ClientFrame send : sends) {
      Attempt attempt = attempt(caller, send, socket);
      attempts.add(attempt);
      if (attempt instanceof Attempt.Failed) {
        break;
      }
    }
    return CompletableFuture.completedFuture(attempts);
  }

  /** The sends' attempts once every answer is in, ending at the first that may be tried again. */
  private CompletableFuture<List<Attempt>> answers(
      List<ClientFrame> sends, List<CompletableFuture<Posted>> answers) {
    return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
        .handle(
            (all, ignored) -> {
              List<Attempt> attempts = new ArrayList<>();
              for (int i = 0; i < sends.size(); i++) {
                CompletableFuture<Posted> answer = answers.get(i);
                Attempt attempt =
                    answer.isCompletedExceptionally()
                        ? failed(sends.get(i), failureOf(answer))
                        : new Attempt.Done(answer(answer.join(), conversation(sends.get(i))));
                attempts.add(attempt);
                if (attempt instanceof Attempt.Failed) {
                  break;
                }
              }
              return attempts;
            });
  }

  private static List<Draft> drafts(List<ClientFrame> sends) {
    return sends.stream().map(send -> new Draft(send.clientId, send.kind, send.body)).toList();
  }

  /** A frame's exception as an attempt: a refusal or a server error answered, or to try again. */
  private Attempt failed(ClientFrame frame, RuntimeException exception) {
    if (exception instanceof Refused refused) {
      meters.refused();
      return new Attempt.Done(refusal(frame, refused));
    }
    Failure failure = Failure.of(exception);
    if (failure.retryable()) {
      return retried(failure);
    }
    meters.failed();
    failures.note(
        failure.kind() + " failed",
        "Message path: frames failed with " + describe(failure) + " and got a server error");
    return new Attempt.Done(
        new ServerFrame.Problem("server", words.get(frame.locale, "frame.server"), frame.clientId));
  }

  private static RuntimeException failureOf(CompletableFuture<?> failed) {
    try {
      failed.join();
      throw new IllegalStateException("Expected a failed answer");
    } catch (CompletionException | CancellationException e) {
      return unwrapped(e);
    }
  }

  /** The failure a stage completed with, as it was thrown. */
  private static RuntimeException unwrapped(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause instanceof RuntimeException runtime
        ? runtime
        : new IllegalStateException("Storing the post failed", cause);
  }

  private Attempt retried(Failure failure) {
    failures.note(
        failure.kind() + " retried",
        "Message path: attempts failed with "
            + describe(failure)
            + "; their frames are kept and tried again");
    return new Attempt.Failed(failure);
  }

  /**
   * The {@code busy} answer to a frame that was not handled, for frames that get answers; typing
   * and receipts get none, their next one says the same.
   */
  Optional<ServerFrame> busy(ClientFrame frame, int retryAfterSeconds) {
    if ("typing".equals(frame.type) || "receipt".equals(frame.type)) {
      return Optional.empty();
    }
    return Optional.of(busy(frame.clientId, retryAfterSeconds, frame.locale));
  }

  /** The {@code busy} answer, in the words of {@code locale}. */
  public ServerFrame.Problem busy(String clientId, int retryAfterSeconds, Locale locale) {
    return ServerFrame.Problem.busy(clientId, retryAfterSeconds, words.get(locale, "frame.busy"));
  }

  /** The error frame of a refused frame, in its sender's words. */
  public ServerFrame.Problem refusal(ClientFrame frame, Refused refused) {
    return ServerFrame.Problem.of(
        refused, frame.clientId, Problems.message(words, frame.locale, refused));
  }

  /** Counts frames the message path answered without handling them, once per kind and interval. */
  void noteUnhandled(String kind, String description) {
    meters.refused();
    failures.note(kind, description);
  }

  /** The answer to text that is no frame, in the words of {@code locale}. */
  public ServerFrame malformed(Locale locale) {
    return new ServerFrame.Problem("malformed", words.get(locale, "frame.malformed"), null);
  }

  /** An error frame of the edges' own (code and key), in the words of {@code locale}. */
  public ServerFrame problem(String code, Locale locale, String key, Object... arguments) {
    return new ServerFrame.Problem(code, words.format(locale, key, arguments), null);
  }

  private static String describe(Failure failure) {
    return failure.state() == null
        ? failure.kind()
        : "SQLState " + failure.state() + " (" + failure.kind() + ")";
  }

  private ServerFrame dispatch(Caller caller, ClientFrame frame, SessionChannel socket) {
    switch (frame.type == null ? "" : frame.type) {
      case "send" -> {
        return answer(
            conversations.post(caller, conversation(frame), frame.clientId, frame.kind, frame.body),
            conversation(frame));
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
            "unknown-type", words.get(frame.locale, "frame.unknown-type"), frame.clientId);
      }
    }
  }

  private static ServerFrame answer(Posted posted, long conversation) {
    if (posted.held()) {
      return new ServerFrame.Held(posted.clientId(), conversation);
    }
    return new ServerFrame.Ack(posted.message(), posted.resend());
  }

  private static long conversation(ClientFrame frame) {
    if (frame.conversation == null) {
      throw Refused.invalid("frame.no-conversation");
    }
    return frame.conversation;
  }

  private static long ref(ClientFrame frame) {
    if (frame.ref == null || frame.ref < 1) {
      throw Refused.invalid("frame.no-message");
    }
    return frame.ref;
  }
}
