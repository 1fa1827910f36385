package com.consultchat.web.messaging.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.platform.boundary.Settings;
import com.consultchat.web.account.boundary.CurrentUser;
import com.consultchat.web.account.boundary.LanguageChoice;
import com.consultchat.web.messaging.control.Admission;
import com.consultchat.web.messaging.control.ClientFrame;
import com.consultchat.web.messaging.control.FrameCodec;
import com.consultchat.web.messaging.control.FrameHandler;
import com.consultchat.web.messaging.control.InboundLane;
import com.consultchat.web.messaging.control.MessagePath;
import com.consultchat.web.messaging.control.PollSessions;
import com.consultchat.web.messaging.control.PollVersions;
import com.consultchat.web.messaging.control.QuietPolls;
import com.consultchat.web.messaging.control.RecentTyping;
import com.consultchat.web.messaging.control.ServerFrame;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The chat over plain HTTP, for browsers whose network breaks sockets: the same frames as the
 * socket. {@code POST /api/frames} takes an array of frames and answers with theirs; {@code GET
 * /api/conversations/{id}/frames?after=seq} is the poll, at most once per {@link
 * Settings#POLL_FLOOR_SECONDS} per conversation and session. A batch of frames is handled in order
 * on the message path's threads ({@link MessagePath}), never on the request thread; when that path
 * is full the whole batch is refused with 503 and {@code Retry-After}.
 */
@Path("")
@RequestScoped
public class PollingResource {

  /**
   * A batch's frames are each tried for up to 30 s while the database fails, the rest then answered
   * at once; a batch still unanswered after this has met something unforeseen.
   */
  static final long ANSWER_LIMIT_SECONDS = 60;

  /**
   * The poll's version token: sent back as {@code v}, it lets a poll with nothing new skip the
   * database.
   */
  static final String VERSION_HEADER = "Poll-Version";

  @Inject CurrentUser currentUser;
  @Inject FrameHandler handler;
  @Inject MessagePath path;
  @Inject Settings settings;
  @Inject PollVersions pollVersions;
  @Inject RecentTyping typing;
  @Inject PollSessions pollSessions;
  @Inject QuietPolls quietPolls;
  @Context HttpServletRequest request;

  @POST
  @Path("frames")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public void exchange(String body, @Suspended AsyncResponse response) {
    Locale locale = language();
    String origin = request.getHeader("Origin");
    if (origin != null && !settings.allowedOrigins().contains(origin)) {
      response.resume(
          answer(
              Response.Status.FORBIDDEN, handler.problem("forbidden", locale, "frame.forbidden")));
      return;
    }
    Optional<List<ClientFrame>> frames = FrameCodec.decodeAll(body);
    if (frames.isEmpty()) {
      response.resume(answer(Response.Status.BAD_REQUEST, handler.malformed(locale)));
      return;
    }
    if (frames.get().size() > MessagePath.POLL_FRAMES) {
      response.resume(
          answer(
              Response.Status.REQUEST_ENTITY_TOO_LARGE,
              handler.problem("invalid", locale, "frame.too-many", MessagePath.POLL_FRAMES)));
      return;
    }
    frames.get().forEach(frame -> frame.locale = locale);
    // The batch is handled on the message path's threads; this request thread returns now, and
    // the answer goes out when the batch's last frame is done.
    response.setTimeout(ANSWER_LIMIT_SECONDS, TimeUnit.SECONDS);
    response.setTimeoutHandler(
        late -> late.resume(busy(InboundLane.NODE_FULL_RETRY_SECONDS, locale)));
    Admission admission =
        path.exchange(
            currentUser.caller(),
            frames.get(),
            body.length(),
            answers ->
                response.resume(
                    Response.ok(FrameCodec.encodeAll(answers), MediaType.APPLICATION_JSON)
                        .build()));
    if (admission.verdict() != Admission.Verdict.ACCEPTED) {
      response.resume(busy(admission.retryAfter(), locale));
    }
  }

  /** Overloaded: nothing of the batch was handled; all of it is welcome again after a while. */
  private Response busy(int retryAfterSeconds, Locale locale) {
    return Response.status(Response.Status.SERVICE_UNAVAILABLE)
        .header("Retry-After", retryAfterSeconds)
        .entity(FrameCodec.encodeAll(List.of(handler.busy(null, retryAfterSeconds, locale))))
        .type(MediaType.APPLICATION_JSON)
        .build();
  }

  @GET
  @Path("conversations/{conversation}/frames")
  @Produces(MediaType.APPLICATION_JSON)
  public Response poll(
      @PathParam("conversation") long conversation,
      @QueryParam("after") @DefaultValue("0") long after,
      @QueryParam("v") String seenVersion) {
    if (tooSoon(conversation)) {
      return Response.status(429)
          .header("Retry-After", Settings.POLL_FLOOR_SECONDS)
          .entity(
              FrameCodec.encodeAll(
                  List.of(
                      handler.problem(
                          "too-soon", language(), "frame.too-soon", Settings.POLL_FLOOR_SECONDS))))
          .type(MediaType.APPLICATION_JSON)
          .build();
    }
    Caller caller = currentUser.caller();
    // Read before the database, so that a commit racing with this poll makes the token stale.
    String version = pollVersions.current(conversation, caller.id());
    if (version.equals(seenVersion)) {
      // Nothing committed since the client's last full answer: no database work at all.
      checked(caller);
      return Response.ok(
              quietPolls.nothingNew(conversation, caller.id()), MediaType.APPLICATION_JSON)
          .header(VERSION_HEADER, version)
          .build();
    }
    ClientFrame sync = new ClientFrame();
    sync.type = "sync";
    sync.conversation = conversation;
    sync.after = after;
    sync.locale = language();
    List<ServerFrame> answers = new ArrayList<>();
    handler.answer(caller, sync, null).ifPresent(answers::add);
    Response.ResponseBuilder response = Response.ok().type(MediaType.APPLICATION_JSON);
    if (mayRead(answers)) {
      answers.addAll(typing.now(conversation, caller.id()));
      if (((ServerFrame.History) answers.get(0)).complete()) {
        response.header(VERSION_HEADER, version);
        checked(caller);
      }
    }
    String frames = FrameCodec.encodeAll(answers);
    return response
        .entity(
            mayRead(answers) ? quietPolls.withSignals(frames, conversation, caller.id()) : frames)
        .build();
  }

  /**
   * This session's poll came through every check of the stack as this person, and was handed a
   * version token: its next quiet polls may be answered before the stack ({@link QuietPolls}).
   */
  private void checked(Caller caller) {
    pollSessions.checked(request.getSession().getId(), caller.id());
  }

  /** Typing is only told to those the catch-up answered, that is to members. */
  private static boolean mayRead(List<ServerFrame> answers) {
    return !answers.isEmpty() && answers.get(0) instanceof ServerFrame.History;
  }

  private boolean tooSoon(long conversation) {
    return !pollSessions.claim(request.getSession().getId(), conversation);
  }

  private static Response answer(Response.Status status, ServerFrame frame) {
    return Response.status(status)
        .entity(FrameCodec.encodeAll(List.of(frame)))
        .type(MediaType.APPLICATION_JSON)
        .build();
  }

  /** The language of this person's pages, for the words of error frames. */
  private Locale language() {
    return LanguageChoice.of(request.getSession(false), request.getLocales());
  }
}
