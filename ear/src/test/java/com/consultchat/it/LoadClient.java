package com.consultchat.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One logged-in person with one or more open chat sockets ("tabs"), speaking the protocol as the
 * browser does: an outbox sends each item once, in the order written, through the first tab, with
 * at most 32 waiting for answers; unacknowledged items go again when a new socket is ready, after
 * the ack timeout (35 s, doubling to 120 s) or after a {@code busy} refusal's retryAfter. Tabs
 * reconnect with full jitter: within the close frame's retry-after for 1012/1013, exponential
 * otherwise.
 */
final class LoadClient {

  static final long FIRST_ACK_TIMEOUT_MILLIS = 35_000;

  /** Items waiting for their answers at once, at most: the browser outbox's socket window. */
  static final int WINDOW = 32;

  static final long LAST_ACK_TIMEOUT_MILLIS = 120_000;
  private static final long MAX_BACKOFF_MILLIS = 60_000;
  private static final long HEARTBEAT_MILLIS = 25_000;
  private static final Set<String> PERMANENT =
      Set.of("invalid", "forbidden", "not-found", "conflict", "malformed");

  final WebClient web;
  final String password;
  final long conversation;
  final String tag;
  private final ScheduledExecutorService timers;
  private final List<Tab> tabs = new ArrayList<>();
  private final Map<String, Item> outbox = new LinkedHashMap<>();
  private final List<Item> written = new ArrayList<>();

  /** Frames of type send that left this client, first sends and resends alike. */
  final AtomicLong sendFrames = new AtomicLong();

  final AtomicInteger sessionsLost = new AtomicInteger();
  final AtomicInteger refused = new AtomicInteger();
  private final Object sessionCheck = new Object();
  private volatile boolean stopped;
  private java.util.concurrent.ScheduledFuture<?> resender;

  LoadClient(
      WebClient web,
      String password,
      long conversation,
      String tag,
      int tabCount,
      ScheduledExecutorService timers) {
    this.web = web;
    this.password = password;
    this.conversation = conversation;
    this.tag = tag;
    this.timers = timers;
    for (int i = 0; i < tabCount; i++) {
      tabs.add(new Tab(i));
    }
  }

  /** Opens every tab; they keep reconnecting until {@link #stop()}. */
  void start() {
    tabs.forEach(Tab::connect);
    resender = timers.scheduleWithFixedDelay(this::sendDue, 500, 500, TimeUnit.MILLISECONDS);
  }

  boolean allReady() {
    return tabs.stream().allMatch(t -> t.ready);
  }

  List<Tab> tabs() {
    return tabs;
  }

  /** A person writes a message: into the outbox, then out once if a socket is ready. */
  synchronized void write() {
    Item item = new Item(written.size(), UUID.randomUUID().toString());
    written.add(item);
    outbox.put(item.clientId, item);
    sendDue();
  }

  String body(int index) {
    return tag + " " + web.username + " #" + index;
  }

  synchronized int writtenCount() {
    return written.size();
  }

  synchronized int pending() {
    return outbox.size();
  }

  /** The written items, each with its write and ack times (ack 0 while unacknowledged). */
  synchronized List<Item> written() {
    return List.copyOf(written);
  }

  /** Stops writing and reconnecting and closes every tab. */
  void stop() {
    stopped = true;
    if (resender != null) {
      resender.cancel(false);
    }
    tabs.forEach(Tab::close);
  }

  /**
   * Called with this client's lock held, so frames leave in the order they are handed over (the tab
   * queues them in call order).
   */
  private void send(Tab tab, Item item) {
    if (!outbox.containsKey(item.clientId)) {
      return;
    }
    item.timeoutMillis =
        item.frames == 0
            ? FIRST_ACK_TIMEOUT_MILLIS
            : Math.min(LAST_ACK_TIMEOUT_MILLIS, item.timeoutMillis * 2);
    item.frames++;
    item.dueAt = System.currentTimeMillis() + item.timeoutMillis;
    sendFrames.incrementAndGet();
    tab.sendText(
        Json.createObjectBuilder()
            .add("type", "send")
            .add("conversation", conversation)
            .add("clientId", item.clientId)
            .add("body", body(item.index))
            .build()
            .toString());
  }

  /**
   * What is due goes out, oldest first: items never sent, those whose own timer ran out and those
   * whose busy retry-after passed; as the browser's outbox does, at most {@link #WINDOW} wait for
   * their answers at once.
   */
  private synchronized void sendDue() {
    Tab sender = tabs.get(0);
    if (!sender.ready) {
      return;
    }
    long now = System.currentTimeMillis();
    long waiting = outbox.values().stream().filter(i -> i.frames > 0 && i.dueAt > now).count();
    List.copyOf(outbox.values()).stream()
        .filter(i -> i.dueAt <= now)
        .limit(Math.max(0, WINDOW - waiting))
        .forEach(item -> send(sender, item));
  }

  /**
   * A new socket of the sending tab is ready: everything unacknowledged is due again, in order,
   * before anything written from now on.
   */
  private synchronized void readyToSend(Tab tab) {
    tab.ready = true;
    outbox.values().forEach(item -> item.dueAt = 0);
    sendDue();
  }

  private void acked(JsonObject ack) {
    synchronized (this) {
      Item item = outbox.remove(ack.getString("clientId"));
      if (item != null) {
        item.ackedAt = System.currentTimeMillis();
        item.seq = ack.getJsonNumber("seq").longValue();
      }
      sendDue();
    }
  }

  private void refusedFrame(JsonObject error) {
    if (!error.containsKey("clientId") || error.isNull("clientId")) {
      return;
    }
    String code = error.getString("code", "");
    synchronized (this) {
      Item item = outbox.get(error.getString("clientId"));
      if (item == null) {
        return;
      }
      if (PERMANENT.contains(code)) {
        outbox.remove(item.clientId);
        refused.incrementAndGet();
      } else if ("busy".equals(code) && error.containsKey("retryAfter")) {
        item.dueAt = System.currentTimeMillis() + error.getInt("retryAfter") * 1000L;
      }
    }
  }

  /**
   * The server turned a socket away: if it is because the session is gone, the person logs in again
   * (counted once per loss), as the page sends them to log in and then resumes.
   */
  private void checkSession() {
    synchronized (sessionCheck) {
      try {
        HttpResponse<String> home = web.get("/index.xhtml");
        if (home.uri().getPath().endsWith("/login.xhtml")) {
          sessionsLost.incrementAndGet();
          web.login(web.username, password);
        }
      } catch (RuntimeException serverDown) {
        // Not answering yet: the next failed attempt asks again.
      }
    }
  }

  /** One written message and what became of it. */
  static final class Item {
    final int index;
    final String clientId;
    final long writtenAt = System.currentTimeMillis();
    int frames;
    long timeoutMillis;
    long dueAt;
    volatile long ackedAt;
    volatile long seq;

    Item(int index, String clientId) {
      this.index = index;
      this.clientId = clientId;
    }
  }

  /** One socket of the person, reconnecting as a page does. */
  final class Tab implements WebSocket.Listener {
    final int number;

    /** When each of its sockets became ready (epoch millis). */
    final ConcurrentLinkedQueue<Long> readyTimes = new ConcurrentLinkedQueue<>();

    volatile boolean ready;

    /** The highest seq of its conversation this tab has received. */
    volatile long seenSeq;

    private volatile WebSocket socket;
    private final StringBuilder partial = new StringBuilder();
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    private int attempt;
    // The server's last retry-after, kept as the least window until a socket is ready again.
    private long restartWindowMillis;
    private java.util.concurrent.ScheduledFuture<?> heartbeat;

    Tab(int number) {
      this.number = number;
    }

    void connect() {
      if (stopped) {
        return;
      }
      web.http
          .newWebSocketBuilder()
          .header("Origin", FaultServer.ORIGIN)
          .connectTimeout(java.time.Duration.ofSeconds(10))
          .buildAsync(URI.create(web.base.replaceFirst("^http", "ws") + "/ws/chat"), this)
          .whenComplete(
              (opened, failure) -> {
                if (failure != null) {
                  if (failure.getCause() instanceof java.net.http.WebSocketHandshakeException) {
                    checkSession();
                  }
                  reconnectLater(0, null);
                }
              });
    }

    synchronized void sendText(String text) {
      WebSocket current = socket;
      if (current == null) {
        return;
      }
      // The JDK socket takes one text at a time: each waits for the previous one.
      sending =
          sending
              .handle((ok, failure) -> null)
              .thenCompose(ignored -> current.sendText(text, true));
    }

    void close() {
      ready = false;
      WebSocket current = socket;
      if (current != null) {
        current.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null);
      }
      if (heartbeat != null) {
        heartbeat.cancel(false);
      }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
      socket = webSocket;
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        JsonObject frame = Json.createReader(new StringReader(partial.toString())).readObject();
        partial.setLength(0);
        receive(frame);
      }
      webSocket.request(1);
      return null;
    }

    private void receive(JsonObject frame) {
      switch (frame.getString("type")) {
        case "ready" -> {
          attempt = 0;
          restartWindowMillis = 0;
          readyTimes.add(System.currentTimeMillis());
          if (heartbeat != null) {
            heartbeat.cancel(false);
          }
          heartbeat =
              timers.scheduleWithFixedDelay(
                  () -> sendText("{\"type\":\"ping\"}"),
                  HEARTBEAT_MILLIS,
                  HEARTBEAT_MILLIS,
                  TimeUnit.MILLISECONDS);
          sync();
          if (number == 0) {
            readyToSend(this);
          } else {
            ready = true;
          }
        }
        case "ack" -> {
          if (number == 0) {
            acked(frame);
          }
          seen(frame.getJsonNumber("seq").longValue(), frame);
        }
        case "message" -> {
          JsonObject message = frame.getJsonObject("message");
          seen(message.getJsonNumber("seq").longValue(), message);
        }
        case "history" -> {
          if (frame.getJsonNumber("conversation").longValue() == conversation) {
            for (JsonValue message : frame.getJsonArray("messages")) {
              seenSeq = Math.max(seenSeq, message.asJsonObject().getJsonNumber("seq").longValue());
            }
            if (!frame.getBoolean("complete", true)) {
              sync();
            }
          }
        }
        case "error" -> {
          if (number == 0) {
            refusedFrame(frame);
          }
        }
        default -> {}
      }
    }

    private void seen(long seq, JsonObject frame) {
      if (frame.getJsonNumber("conversation").longValue() == conversation) {
        seenSeq = Math.max(seenSeq, seq);
      }
    }

    private void sync() {
      sendText(
          Json.createObjectBuilder()
              .add("type", "sync")
              .add("conversation", conversation)
              .add("after", seenSeq)
              .build()
              .toString());
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      lost();
      if (statusCode == 1008) {
        checkSession();
      }
      reconnectLater(statusCode, reason);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      lost();
      reconnectLater(1006, null);
    }

    private void lost() {
      ready = false;
      socket = null;
      if (heartbeat != null) {
        heartbeat.cancel(false);
      }
    }

    /**
     * Full jitter: within the server's retry-after for 1012/1013, exponential otherwise, and never
     * in a window shorter than the last retry-after until a socket is ready again.
     */
    private void reconnectLater(int code, String reason) {
      if (stopped) {
        return;
      }
      long ceiling;
      if ((code == 1012 || code == 1013) && reason != null && reason.startsWith("retry-after=")) {
        ceiling = Long.parseLong(reason.substring("retry-after=".length()).trim()) * 1000;
        restartWindowMillis = ceiling;
      } else {
        ceiling =
            Math.max(
                restartWindowMillis, Math.min(MAX_BACKOFF_MILLIS, 1000L << Math.min(attempt, 16)));
        attempt++;
      }
      long delay = ThreadLocalRandom.current().nextLong(ceiling + 1);
      timers.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }
  }
}
