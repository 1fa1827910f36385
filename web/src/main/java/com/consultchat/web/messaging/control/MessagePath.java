package com.consultchat.web.messaging.control;

import com.consultchat.account.boundary.Caller;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The way in for client frames, from sockets and polls: each goes into its client's bounded lane
 * and is handled on the message path's own executor, which has fewer threads than the datasource
 * has connections. Request threads never wait on the database for a frame, so pages and logins keep
 * threads and connections while the database stalls; and what waits is bounded per client and per
 * node, so the heap is too.
 */
@ApplicationScoped
public class MessagePath {

  /**
   * A socket's sends, edits, deletes, catch-ups and receipts, in order: 64 frames is far more than
   * a person has unacknowledged (and well over a second of work even for a slow database), and 256
   * Ki characters is 64 messages of the longest default length. Kept and retried for 30 s, the
   * contract's promise.
   */
  static final InboundLane.Limits SOCKET =
      new InboundLane.Limits(64, 256 * 1024, TimeUnit.SECONDS.toNanos(30));

  /**
   * Typing and presence, apart, so they are not held behind a send waiting for a locked row; a few
   * at a time is all a page sends, and they are worth nothing later, so never retried.
   */
  static final InboundLane.Limits SIGNALS = new InboundLane.Limits(8, 64 * 1024, 0);

  /** Frames in one poll at most: an outbox sends up to this many at once. */
  public static final int POLL_FRAMES = 100;

  /** A poller's batches: one whole batch at a time, strictly in order. */
  static final InboundLane.Limits POLLER =
      new InboundLane.Limits(POLL_FRAMES, 1024 * 1024, TimeUnit.SECONDS.toNanos(30));

  /**
   * Frames the node holds at once: 100 messages a second through a 30-second database stall fit (so
   * a stall costs clients no extra frames), and 4,096 frames of 2 Ki characters (8 Mi, the
   * character bound) stay a few tens of megabytes of heap whatever clients send.
   */
  static final int NODE_FRAMES = 4096;

  static final long NODE_CHARS = 8L * 1024 * 1024;

  private final NodeBudget node = new NodeBudget(NODE_FRAMES, NODE_CHARS);
  private final ConcurrentHashMap<String, SocketLanes> sockets = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Long, InboundLane> pollers = new ConcurrentHashMap<>();

  @Inject FrameHandler handler;
  @Inject FrameMeter meter;
  @Inject MessagingMeters meters;
  @Inject PersonLanes lanes;

  @Resource(lookup = "java:jboss/ee/concurrency/executor/message-path")
  ManagedExecutorService executor;

  @Resource ManagedScheduledExecutorService scheduler;

  private record SocketLanes(InboundLane ordered, InboundLane signals) {}

  public void opened(SessionChannel channel) {
    sockets.put(channel.id(), new SocketLanes(lane(SOCKET, () -> {}), lane(SIGNALS, () -> {})));
  }

  /** The socket has gone; what it left waiting is dropped, and sent again by its client. */
  public void closed(String socketId) {
    SocketLanes mine = sockets.remove(socketId);
    if (mine != null) {
      mine.ordered().close();
      mine.signals().close();
    }
  }

  /** A frame from a socket; {@code size} is its length in characters. */
  public void received(SessionChannel channel, ClientFrame frame, long size) {
    int wait = meter.charge(channel.caller(), frame);
    if (wait > 0) {
      meters.refused();
      FrameMeter.refusal(frame, wait, handler).ifPresent(refusal -> reply(channel, refusal));
      return;
    }
    if ("ping".equals(frame.type)) {
      // Needs nothing from the database, so it is answered even while sends wait.
      reply(channel, new ServerFrame.Pong());
      return;
    }
    SocketLanes mine = sockets.get(channel.id());
    if (mine == null) {
      return;
    }
    boolean signal = "typing".equals(frame.type) || "presence".equals(frame.type);
    Admission admission =
        (signal ? mine.signals() : mine.ordered()).offer(new SocketJob(channel, frame, size));
    switch (admission.verdict()) {
      case REFUSED -> {
        handler.noteUnhandled(
            "refused", "Message path: frames refused as busy (their lane or the node was full)");
        handler.busy(frame, admission.retryAfter()).ifPresent(busy -> reply(channel, busy));
      }
      case FLOODING -> {
        handler.noteUnhandled(
            "flooding",
            "Message path: frames from sockets that sent on through busy refusals; those sockets"
                + " are closed with 1013");
        lanes.shed(channel);
      }
      case ACCEPTED, CLOSED -> {}
    }
  }

  /**
   * A poller's batch, handled strictly in order through the caller's lane, all of it or (if the
   * lane or the node has no room) none of it; {@code answered} gets the answers in the same order.
   */
  public Admission exchange(
      Caller caller, List<ClientFrame> frames, long size, Consumer<List<ServerFrame>> answered) {
    if (frames.isEmpty()) {
      answered.accept(List.of());
      return Admission.ACCEPTED;
    }
    PollBatch batch = new PollBatch(frames.size(), answered);
    long each = (size + frames.size() - 1) / frames.size();
    List<LaneJob> jobs = new ArrayList<>();
    for (int i = 0; i < frames.size(); i++) {
      ClientFrame frame = frames.get(i);
      int wait = meter.charge(caller, frame);
      if (wait > 0) {
        meters.refused();
      }
      Attempt refused =
          wait == 0
              ? null
              : new Attempt.Done(FrameMeter.refusal(frame, wait, handler).orElse(null));
      jobs.add(new PollJob(caller, frame, each, batch, i, refused));
    }
    Admission[] admission = new Admission[1];
    // Under the map's lock for this caller, so an idle lane is never forgotten while it takes work.
    pollers.compute(
        caller.id(),
        (account, lane) -> {
          InboundLane mine = lane != null ? lane : lane(POLLER, () -> forget(account));
          admission[0] = mine.offerAll(jobs);
          return mine.idle() ? null : mine;
        });
    if (admission[0].verdict() != Admission.Verdict.ACCEPTED) {
      handler.noteUnhandled(
          "refused", "Message path: frames refused as busy (their lane or the node was full)");
    }
    return admission[0];
  }

  private void forget(long account) {
    pollers.computeIfPresent(account, (id, lane) -> lane.idle() ? null : lane);
  }

  private InboundLane lane(InboundLane.Limits limits, Runnable onIdle) {
    return new InboundLane(
        limits,
        node,
        executor,
        (millis, task) -> scheduler.schedule(task, millis, TimeUnit.MILLISECONDS),
        this::attemptSends,
        System::nanoTime,
        onIdle);
  }

  /** Sends that waited next to each other in a lane, from one caller to one conversation. */
  private CompletableFuture<List<Attempt>> attemptSends(List<LaneJob> jobs) {
    FrameJob first = (FrameJob) jobs.get(0);
    return handler.attemptSends(
        first.caller(),
        jobs.stream().map(job -> ((FrameJob) job).frame()).toList(),
        first.socket());
  }

  private void reply(SessionChannel channel, ServerFrame frame) {
    lanes.toSocket(channel, FrameCodec.encode(frame));
  }

  private void gaveUp() {
    handler.noteUnhandled(
        "gave up", "Message path: frames answered busy after failing for their whole retry window");
  }

  private final class SocketJob extends FrameJob {
    private final SessionChannel channel;

    SocketJob(SessionChannel channel, ClientFrame frame, long size) {
      super(frame, size);
      this.channel = channel;
    }

    @Override
    Caller caller() {
      return channel.caller();
    }

    @Override
    SessionChannel socket() {
      return channel;
    }

    @Override
    public CompletableFuture<Attempt> attempt() {
      return handler.attemptLater(channel.caller(), frame(), channel);
    }

    @Override
    public void done(ServerFrame answer) {
      if (answer != null) {
        reply(channel, answer);
      }
    }

    @Override
    public void busy(int retryAfterSeconds) {
      gaveUp();
      handler.busy(frame(), retryAfterSeconds).ifPresent(busy -> reply(channel, busy));
    }
  }

  private final class PollJob extends FrameJob {
    private final Caller caller;
    private final PollBatch batch;
    private final int index;
    private final Attempt refused;

    /** {@code refused}: null, or the answer decided on arrival, so the frame is never tried. */
    PollJob(
        Caller caller, ClientFrame frame, long size, PollBatch batch, int index, Attempt refused) {
      super(frame, size);
      this.caller = caller;
      this.batch = batch;
      this.index = index;
      this.refused = refused;
    }

    @Override
    public Object batchKey() {
      return refused != null ? null : super.batchKey();
    }

    @Override
    Caller caller() {
      return caller;
    }

    @Override
    SessionChannel socket() {
      return null;
    }

    @Override
    public CompletableFuture<Attempt> attempt() {
      if (refused != null) {
        return CompletableFuture.completedFuture(refused);
      }
      return handler.attemptLater(caller, frame(), null);
    }

    @Override
    public void done(ServerFrame answer) {
      batch.answer(index, answer);
    }

    @Override
    public void busy(int retryAfterSeconds) {
      gaveUp();
      batch.answer(index, handler.busy(frame(), retryAfterSeconds).orElse(null));
    }
  }
}
