package com.consultchat.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The agent's login-flood commands: ping round trips of its open sockets for a while, and wrong
 * passwords sent as fast as a number of guessers can, each for a username no account has (so every
 * guess costs the server a full key derivation, as the finding's flood did).
 */
final class Flood {

  private final Agent agent;

  Flood(Agent agent) {
    this.agent = agent;
  }

  /** Pings every open socket once per {@code intervalMs} for {@code seconds}; the round trips. */
  String pings(int seconds, int intervalMs) {
    Histogram roundTrips = new Histogram();
    List<BenchSocket> open;
    synchronized (agent.sockets) {
      open = agent.sockets.stream().filter(BenchSocket::open).toList();
    }
    open.forEach(socket -> socket.measurePings(roundTrips));
    long sent = 0;
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    long step = TimeUnit.MILLISECONDS.toNanos(intervalMs) / Math.max(1, open.size());
    long next = System.nanoTime();
    while (System.nanoTime() < end) {
      for (BenchSocket socket : open) {
        socket.ping();
        sent++;
        next += step;
        LockSupport.parkNanos(next - System.nanoTime());
      }
    }
    // The last pings' answers.
    LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
    open.forEach(socket -> socket.measurePings(null));
    return "sent=" + sent + " answered=" + roundTrips.count() + " hist=" + roundTrips.encode();
  }

  /** {@code guessers} wrong-password logins at a time for {@code seconds}. */
  String guesses(int guessers, int seconds) {
    AtomicLong answered = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    Histogram latency = new Histogram();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<CompletableFuture<Void>> loops = new ArrayList<>();
    for (int i = 0; i < guessers; i++) {
      loops.add(guessUntil(end, answered, failed, latency));
    }
    CompletableFuture.allOf(loops.toArray(CompletableFuture[]::new)).join();
    return "answered="
        + answered
        + " failed="
        + failed
        + " per_second="
        + Math.round(answered.get() / (double) seconds)
        + " hist="
        + latency.encode();
  }

  private CompletableFuture<Void> guessUntil(
      long end, AtomicLong answered, AtomicLong failed, Histogram latency) {
    if (System.nanoTime() >= end) {
      return CompletableFuture.completedFuture(null);
    }
    long start = System.nanoTime();
    return agent
        .logins
        .guess("nobody-" + UUID.randomUUID())
        .thenCompose(
            ok -> {
              (ok ? answered : failed).incrementAndGet();
              latency.record((System.nanoTime() - start) / 1000);
              return guessUntil(end, answered, failed, latency);
            });
  }
}
