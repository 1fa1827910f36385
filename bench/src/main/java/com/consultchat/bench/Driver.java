package com.consultchat.bench;

import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** The agent's connection commands: log in, open, count, close and check sockets. */
final class Driver {

  private static final long OPEN_TIMEOUT_SECONDS = 180;

  private final Agent agent;

  Driver(Agent agent) {
    this.agent = agent;
  }

  /** Logs in accounts {@code [from, to)} not logged in yet, {@code concurrency} at a time. */
  String login(String prefix, int from, int to, int concurrency) throws InterruptedException {
    Semaphore slots = new Semaphore(concurrency);
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    Histogram latency = agent.logins.latency;
    List<CompletableFuture<Boolean>> all = new ArrayList<>();
    long start = System.nanoTime();
    for (int index = from; index < to; index++) {
      String username = Logins.username(prefix, index);
      if (!agent.owns(index) || agent.logins.sessions.containsKey(username)) {
        continue;
      }
      if (!slots.tryAcquire(120, TimeUnit.SECONDS)) {
        throw new IllegalStateException("logins stalled");
      }
      all.add(
          agent
              .logins
              .login(username)
              .whenComplete(
                  (success, failure) -> {
                    (Boolean.TRUE.equals(success) ? ok : failed).incrementAndGet();
                    slots.release();
                  }));
    }
    boolean finished = allWithin(all, OPEN_TIMEOUT_SECONDS);
    long micros = (System.nanoTime() - start) / 1000;
    String reply = "ok=" + ok + " failed=" + failed + " finished=" + finished + " micros=" + micros;
    return reply + " hist=" + latency.encode();
  }

  /**
   * Opens one socket per account {@code [from, to)} and waits for each to be ready. Mode {@code
   * pairs}: account i talks in conversation {@code base + i/2}; {@code room}: all in {@code base};
   * {@code none}: idle.
   */
  String open(int from, int to, int concurrency, String mode, long base)
      throws InterruptedException {
    Semaphore slots = new Semaphore(concurrency);
    Histogram latency = new Histogram();
    List<CompletableFuture<BenchSocket>> all = new ArrayList<>();
    long start = System.nanoTime();
    for (int index = from; index < to; index++) {
      if (!agent.owns(index)) {
        continue;
      }
      long account = agent.accountBase + index;
      long conversation =
          switch (mode) {
            case "pairs" -> base + index / 2;
            case "room" -> base;
            default -> 0;
          };
      BenchSocket socket =
          agent.target.xmpp()
              ? xmppSocket(index, mode, base)
              : new BenchSocket(index, account, conversation, () -> agent.traffic);
      WebSocket.Builder builder =
          agent.http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(60));
      if (agent.target.xmpp()) {
        builder.subprotocols("xmpp");
      } else if (!agent.target.bare()) {
        String cookie = agent.logins.sessions.get(Logins.username("bench", index));
        if (cookie == null) {
          socket.ready.completeExceptionally(new IllegalStateException("not logged in"));
          all.add(socket.ready);
          continue;
        }
        builder.header("Cookie", cookie).header("Origin", agent.target.origin());
      }
      if (!slots.tryAcquire(120, TimeUnit.SECONDS)) {
        throw new IllegalStateException("handshakes stalled");
      }
      long began = System.nanoTime();
      builder
          .buildAsync(agent.socketUri(account, conversation), socket)
          .whenComplete(
              (ws, failure) -> {
                if (failure != null) {
                  socket.ready.completeExceptionally(failure);
                }
              });
      socket.ready.whenComplete(
          (ready, failure) -> {
            slots.release();
            if (failure == null) {
              latency.record((System.nanoTime() - began) / 1000);
            }
          });
      all.add(socket.ready);
      synchronized (agent.sockets) {
        agent.sockets.add(socket);
      }
    }
    allWithin(all, OPEN_TIMEOUT_SECONDS);
    long micros = (System.nanoTime() - start) / 1000;
    long opened = all.stream().filter(f -> f.isDone() && !f.isCompletedExceptionally()).count();
    Map<String, Integer> reasons = new TreeMap<>();
    all.stream()
        .filter(CompletableFuture::isCompletedExceptionally)
        .forEach(f -> reasons.merge(reason(f), 1, Integer::sum));
    return "opened="
        + opened
        + " failed="
        + (all.size() - opened)
        + " micros="
        + micros
        + " reasons="
        + reasons.toString().replace(' ', '_')
        + " hist="
        + latency.encode();
  }

  /**
   * Person {@code index} of the peer server: in mode {@code pairs} chatting with the other person
   * of the pair, in mode {@code room} an occupant of room {@code base}.
   */
  private XmppSocket xmppSocket(int index, String mode, long base) {
    String username = Logins.username("bench", index);
    String domain = agent.target.applicationUrl();
    long account = agent.accountBase + index;
    return switch (mode) {
      case "pairs" ->
          new XmppPairSocket(
              index,
              account,
              agent.accountBase + (index ^ 1),
              username,
              Logins.username("bench", index ^ 1),
              domain,
              () -> agent.traffic);
      case "room" ->
          new XmppRoomSocket(index, account, base, username, domain, () -> agent.traffic);
      default ->
          throw new IllegalArgumentException(
              "the XMPP peer clients chat in pairs or a room, not " + mode);
    };
  }

  String count() {
    long open = agent.sockets.stream().filter(BenchSocket::open).count();
    Map<Integer, Integer> codes = new TreeMap<>();
    agent.sockets.stream()
        .filter(s -> s.closed.isDone())
        .forEach(s -> codes.merge(s.closed.join(), 1, Integer::sum));
    return "open="
        + open
        + " closed="
        + codes.values().stream().mapToInt(Integer::intValue).sum()
        + " codes="
        + codes.toString().replace(' ', '_');
  }

  /** Closes every socket politely, then aborts those that did not finish closing in time. */
  String close() {
    List<CompletableFuture<Integer>> closing = new ArrayList<>();
    for (BenchSocket socket : agent.sockets) {
      if (socket.socket() != null && !socket.closed.isDone()) {
        socket.socket().sendClose(WebSocket.NORMAL_CLOSURE, "done");
        closing.add(socket.closed);
      }
    }
    boolean clean = allWithin(closing, 30);
    agent.sockets.forEach(
        socket -> {
          if (socket.socket() != null) {
            socket.socket().abort();
          }
        });
    int count;
    synchronized (agent.sockets) {
      count = agent.sockets.size();
      agent.sockets.clear();
    }
    return "closed=" + count + " clean=" + clean;
  }

  /**
   * Checks every socket against the sequence range it should hold: the given one, or, with -1, the
   * range this agent's own senders were acknowledged for in the socket's conversation.
   */
  String verify(long from, long to) {
    long[] totals = new long[5];
    long gaps = 0;
    for (BenchSocket socket : agent.sockets) {
      long low = from;
      long high = to;
      if (from < 0) {
        long[] range = agent.traffic.ackRanges.get(socket.conversation);
        low = range == null ? 1 : range[0];
        high = range == null ? 0 : range[1];
        gaps += range == null ? 0 : range[1] - range[0] + 1 - range[2];
      }
      long[] result = socket.check(low, high);
      totals[0] += Math.max(0, high - low + 1);
      for (int i = 0; i < 4; i++) {
        totals[i + 1] += result[i];
      }
    }
    return "sockets="
        + agent.sockets.size()
        + " expected="
        + totals[0]
        + " missing="
        + totals[1]
        + " duplicates="
        + totals[2]
        + " reordered="
        + totals[3]
        + " outside="
        + totals[4]
        + " ackgaps="
        + gaps;
  }

  /** People {@code [from, to)} poll their pair's conversation every {@code intervalMs}. */
  String poll(int from, int to, int intervalMs, int seconds, long base, int warmup) {
    List<Poller.Client> clients = new ArrayList<>();
    for (int index = from; index < to; index++) {
      String cookie = agent.logins.sessions.get(Logins.username("bench", index));
      if (agent.owns(index) && cookie != null) {
        clients.add(new Poller.Client(cookie, base + index / 2));
      }
    }
    return new Poller(agent.http, agent.target.applicationUrl())
        .run(clients, intervalMs, seconds, warmup);
  }

  static <T> boolean allWithin(List<CompletableFuture<T>> futures, long seconds) {
    try {
      CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
          .exceptionally(failure -> null)
          .get(seconds, TimeUnit.SECONDS);
      return futures.stream().allMatch(CompletableFuture::isDone);
    } catch (TimeoutException e) {
      return false;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String reason(CompletableFuture<?> failed) {
    try {
      failed.join();
      return "none";
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String text = cause.getClass().getSimpleName() + ":" + cause.getMessage();
      return text.length() > 60 ? text.substring(0, 60) : text;
    }
  }
}
