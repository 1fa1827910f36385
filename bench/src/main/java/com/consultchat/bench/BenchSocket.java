package com.consultchat.bench;

import java.net.http.WebSocket;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * One client socket: a single writer (the JDK client allows one send at a time), and a record of
 * every message it received, by sequence number, to count lost, duplicated and reordered ones. It
 * speaks ConsultChat's JSON frames; {@link XmppSocket} speaks XMPP to the peer server instead.
 */
class BenchSocket implements WebSocket.Listener {

  static final int OUTBOX_LIMIT = 10_000;

  final int index;
  final long me;
  final long conversation;
  final CompletableFuture<BenchSocket> ready = new CompletableFuture<>();
  final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final Supplier<Traffic> traffic;
  private final ArrayDeque<String> outbox = new ArrayDeque<>();
  private StringBuilder partial;
  private boolean writing;
  private WebSocket socket;

  /** Send times of pings not answered yet, oldest first: the server answers each in order. */
  private final ArrayDeque<Long> pings = new ArrayDeque<>();

  /** Where ping round trips go while they are measured; null otherwise. */
  private volatile Histogram pongs;

  private BitSet seen = new BitSet();
  private long maxSeq;
  private int duplicates;
  private int reordered;

  BenchSocket(int index, long me, long conversation, Supplier<Traffic> traffic) {
    this.index = index;
    this.me = me;
    this.conversation = conversation;
    this.traffic = traffic;
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    socket = webSocket;
    webSocket.request(Long.MAX_VALUE);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    if (!last) {
      (partial == null ? partial = new StringBuilder() : partial).append(data);
      return null;
    }
    String frame = partial == null ? data.toString() : partial.append(data).toString();
    partial = null;
    handle(frame, System.nanoTime());
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closed.complete(statusCode);
    ready.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.complete(-1);
    ready.completeExceptionally(error);
  }

  boolean open() {
    return ready.isDone() && !ready.isCompletedExceptionally() && !closed.isDone();
  }

  WebSocket socket() {
    return socket;
  }

  void ping() {
    if (open()) {
      synchronized (this) {
        pings.add(System.nanoTime());
      }
      enqueue(pingFrame());
    }
  }

  /** A frame the server answers at once, in order with the socket's other answers. */
  String pingFrame() {
    return "{\"type\":\"ping\"}";
  }

  /** Ping round trips from now on go to {@code into}; null stops measuring. */
  void measurePings(Histogram into) {
    pongs = into;
  }

  /** Queues a chat message; returns its client id. */
  String post(int number) {
    String clientId = Frames.clientId();
    long now = System.nanoTime();
    traffic.get().sent(clientId, now);
    enqueue(Frames.send(conversation, clientId, Frames.body(now, number)));
    return clientId;
  }

  void enqueue(String frame) {
    synchronized (this) {
      if (writing) {
        if (outbox.size() >= OUTBOX_LIMIT) {
          traffic.get().problem("client-outbox-full");
        } else {
          outbox.add(frame);
        }
        return;
      }
      writing = true;
    }
    write(frame);
  }

  private void write(String first) {
    String frame = first;
    while (frame != null) {
      CompletableFuture<WebSocket> sending = socket.sendText(frame, true);
      if (!sending.isDone()) {
        sending.whenComplete((ws, failure) -> afterWrite(failure));
        return;
      }
      frame = nextAfter(sending.isCompletedExceptionally() ? new IllegalStateException() : null);
    }
  }

  private void afterWrite(Throwable failure) {
    String next = nextAfter(failure);
    if (next != null) {
      write(next);
    }
  }

  private String nextAfter(Throwable failure) {
    if (failure != null) {
      traffic.get().sendFailures.increment();
    }
    synchronized (this) {
      String next = outbox.poll();
      if (next == null) {
        writing = false;
      }
      return next;
    }
  }

  /** One whole frame from the server, received at {@code now}. */
  void handle(String frame, long now) {
    String type = Frames.type(frame);
    if (type == null) {
      traffic.get().problem("unreadable-frame");
      return;
    }
    switch (type) {
      case "message" -> message(frame, now);
      case "ack" ->
          traffic
              .get()
              .acked(
                  Frames.text(frame, "clientId"),
                  Frames.number(frame, "conversation"),
                  Frames.number(frame, "seq"),
                  Frames.flag(frame, "resend"),
                  now);
      case "ready" -> {
        if (Frames.number(frame, "me") != me && me > 0) {
          traffic.get().problem("ready-for-someone-else");
        }
        ready.complete(this);
      }
      case "pong" -> pong(now);
      case "error" ->
          traffic.get().refused(Frames.text(frame, "clientId"), Frames.text(frame, "code"));
      default -> traffic.get().problem("frame-" + type);
    }
  }

  void pong(long now) {
    Long sent;
    synchronized (this) {
      sent = pings.poll();
    }
    Histogram into = pongs;
    if (sent != null && into != null) {
      into.record((now - sent) / 1000);
    }
  }

  private void message(String frame, long now) {
    Traffic current = traffic.get();
    long conv = Frames.number(frame, "conversation");
    if (conv != conversation) {
      current.foreign.increment();
      return;
    }
    received(
        (int) Frames.number(frame, "seq"),
        Frames.number(frame, "senderId") == me,
        Frames.text(frame, "body"),
        now);
  }

  /** A message with sequence number {@code seq} in the stream this socket checks. */
  void received(int seq, boolean own, String body, long now) {
    Traffic current = traffic.get();
    synchronized (this) {
      if (seen.get(seq)) {
        duplicates++;
        return;
      }
      seen.set(seq);
      if (seq < maxSeq) {
        reordered++;
      }
      maxSeq = Math.max(maxSeq, seq);
    }
    current.arrived(own, body, now);
  }

  Traffic traffic() {
    return traffic.get();
  }

  synchronized void resetTracking() {
    seen = new BitSet();
    maxSeq = 0;
    duplicates = 0;
    reordered = 0;
  }

  /** {missing, duplicates, reordered, outside} for the expected sequence range [from, to]. */
  synchronized long[] check(long from, long to) {
    long expected = to >= from ? to - from + 1 : 0;
    long present = expected == 0 ? 0 : seen.get((int) from, (int) to + 1).cardinality();
    long outside = seen.cardinality() - present;
    return new long[] {expected - present, duplicates, reordered, outside};
  }
}
