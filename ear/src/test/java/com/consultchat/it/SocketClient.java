package com.consultchat.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/** A chat socket opened with a web client's login, collecting every frame it receives. */
final class SocketClient implements WebSocket.Listener, AutoCloseable {

  static final Duration WAIT = Duration.ofSeconds(10);

  /**
   * Frames a well-behaved test client leaves unacknowledged: the server takes 64 per socket and
   * answers more with {@code busy}.
   */
  static final int WINDOW = 32;

  final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
  final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private volatile String closeReason;
  // The last frames next(type) passed over: a failure shows what came instead of what was awaited.
  private final ArrayDeque<String> skipped = new ArrayDeque<>();
  private WebSocket socket;
  long me;

  /** New client ids, one per message to send. */
  static List<String> newIds(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      ids.add(UUID.randomUUID().toString());
    }
    return ids;
  }

  /** The frames of a polling answer ({@code POST /api/frames}), in order. */
  static JsonArray frames(HttpResponse<String> response) {
    return Json.createReader(new StringReader(response.body())).readArray();
  }

  static SocketClient open(WebClient client) {
    return open(client, TestServer.ORIGIN);
  }

  /** Opens and waits for the ready frame, after which nothing committed is missed. */
  static SocketClient open(WebClient client, String origin) {
    SocketClient listener = openUnready(client, origin);
    listener.me = listener.next("ready").getJsonNumber("me").longValue();
    return listener;
  }

  /** Opens without waiting for anything: the server may still refuse or close it. */
  static SocketClient openUnready(WebClient client) {
    return openUnready(client, TestServer.ORIGIN);
  }

  private static SocketClient openUnready(WebClient client, String origin) {
    SocketClient listener = new SocketClient();
    listener.socket =
        client
            .http
            .newWebSocketBuilder()
            .header("Origin", origin)
            .connectTimeout(WAIT)
            .buildAsync(URI.create(client.base.replaceFirst("^http", "ws") + "/ws/chat"), listener)
            .join();
    return listener;
  }

  String send(long conversation, String body) {
    String clientId = UUID.randomUUID().toString();
    send(conversation, clientId, body);
    return clientId;
  }

  void send(long conversation, String clientId, String body) {
    sendFrame(
        Json.createObjectBuilder()
            .add("type", "send")
            .add("conversation", conversation)
            .add("clientId", clientId)
            .add("body", body)
            .build()
            .toString());
  }

  /**
   * Sends a message of the given kind (e.g. a specialist's RECOMMENDATION) with a new client id.
   */
  void sendKind(long conversation, String kind, String body) {
    sendFrame(
        Json.createObjectBuilder()
            .add("type", "send")
            .add("conversation", conversation)
            .add("clientId", UUID.randomUUID().toString())
            .add("kind", kind)
            .add("body", body)
            .build()
            .toString());
  }

  /**
   * Sends the messages of {@code ids} not yet acknowledged, in order, with at most {@link #WINDOW}
   * of them unacknowledged at a time, as a client that waits for acks does, and records acks until
   * {@code until} are in. An id acknowledged twice must carry the same seq both times.
   */
  void sendWindowed(
      long conversation,
      List<String> ids,
      IntFunction<String> body,
      Map<String, Long> acked,
      int until) {
    Set<String> pending = new HashSet<>();
    int next = 0;
    while (acked.size() < until) {
      while (next < ids.size() && pending.size() < WINDOW) {
        if (!acked.containsKey(ids.get(next))) {
          send(conversation, ids.get(next), body.apply(next));
          pending.add(ids.get(next));
        }
        next++;
      }
      JsonObject ack = next("ack");
      long seq = ack.getJsonNumber("seq").longValue();
      Long previous = acked.put(ack.getString("clientId"), seq);
      if (previous != null && previous != seq) {
        throw new AssertionError("Acked as " + previous + " and then as " + seq);
      }
      pending.remove(ack.getString("clientId"));
    }
  }

  void sync(long conversation, long after) {
    sendFrame(
        Json.createObjectBuilder()
            .add("type", "sync")
            .add("conversation", conversation)
            .add("after", after)
            .build()
            .toString());
  }

  void sendFrame(String text) {
    socket.sendText(text, true).join();
  }

  void sendBinary(byte[] data) {
    socket.sendBinary(ByteBuffer.wrap(data), true).join();
  }

  /** Sends unless the connection is gone; returns whether the frame went out. */
  boolean trySend(long conversation, String clientId, String body) {
    try {
      send(conversation, clientId, body);
      return true;
    } catch (RuntimeException connectionGone) {
      return false;
    }
  }

  void sendFrame(Map<String, Object> frame) {
    sendFrame(Json.createObjectBuilder(frame).build().toString());
  }

  /** The next frame of the given type, skipping others; fails after {@link #WAIT}. */
  JsonObject next(String type) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        JsonObject frame = frames.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
        if (frame == null) {
          throw new AssertionError(
              "No '" + type + "' frame within " + WAIT + "; passed over: " + skipped);
        }
        if (type.equals(frame.getString("type"))) {
          return frame;
        }
        if (skipped.size() == 20) {
          skipped.removeFirst();
        }
        skipped.addLast(frame.toString());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The next frame of one of the types; fails after {@link #WAIT}. */
  JsonObject nextOf(String... types) {
    List<String> wanted = List.of(types);
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      JsonObject frame = nextAny();
      if (wanted.contains(frame.getString("type"))) {
        return frame;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("No frame of " + wanted + " within " + WAIT);
      }
    }
  }

  /** The next frame of the type, or null once the connection has closed and nothing is left. */
  JsonObject nextUnlessClosed(String type) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    try {
      while (System.nanoTime() < deadline) {
        JsonObject frame = frames.poll(100, TimeUnit.MILLISECONDS);
        if (frame == null && closed.isDone()) {
          return null;
        }
        if (frame != null && type.equals(frame.getString("type"))) {
          return frame;
        }
      }
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The next frame, whatever its type; fails after {@link #WAIT}. */
  JsonObject nextAny() {
    try {
      JsonObject frame = frames.poll(WAIT.toNanos(), TimeUnit.NANOSECONDS);
      if (frame == null) {
        throw new AssertionError("No frame within " + WAIT);
      }
      return frame;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Nothing of the given type arrives within the period. */
  boolean quietFor(String type, Duration period) throws InterruptedException {
    long deadline = System.nanoTime() + period.toNanos();
    while (System.nanoTime() < deadline) {
      JsonObject frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (frame != null && type.equals(frame.getString("type"))) {
        return false;
      }
    }
    return true;
  }

  /** Drops the connection without a closing handshake, as a network failure would. */
  void abort() {
    socket.abort();
  }

  /**
   * Kills the socket, as a dead node does, and adds the acks that came before it to {@code acked}:
   * what the person knows was stored.
   */
  void abortKeepingAcks(Map<String, Long> acked) {
    abort();
    frames.stream()
        .filter(frame -> "ack".equals(frame.getString("type")))
        .forEach(ack -> acked.put(ack.getString("clientId"), ack.getJsonNumber("seq").longValue()));
  }

  boolean isOpen() {
    return !socket.isOutputClosed() && !closed.isDone();
  }

  /** The reason text of the server's close frame, once closed. */
  String closeReason() {
    return closeReason;
  }

  int awaitClose() {
    return awaitClose(WAIT);
  }

  /** The close code, waiting up to {@code limit}: -1 when the connection failed without one. */
  int awaitClose(Duration limit) {
    try {
      return closed.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException notClosed) {
      throw new AssertionError("Not closed within " + limit + "; open: " + isOpen(), notClosed);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    } catch (ExecutionException impossible) {
      throw new AssertionError(impossible);
    }
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      frames.add(Json.createReader(new StringReader(partial.toString())).readObject());
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closeReason = reason;
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closed.complete(-1);
  }

  @Override
  public void close() {
    if (!socket.isOutputClosed() && !closed.isDone()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null).join();
    }
  }
}
