package com.consultchat.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The agent's upload command: each of its people sends one file of the same size to their pair's
 * conversation, all at once, as {@code POST /api/files} with the bytes as the body. The server
 * takes a few uploads at a time and answers the rest 429; those are sent again after a short,
 * jittered pause (not the whole Retry-After, which would measure the pause rather than the server).
 */
final class Uploads {

  private final Agent agent;

  Uploads(Agent agent) {
    this.agent = agent;
  }

  String upload(int from, int to, int bytes, long base, int retryMs) {
    byte[] file = oggLike(bytes);
    Histogram latency = new Histogram();
    LongAdder stored = new LongAdder();
    LongAdder retries = new LongAdder();
    LongAdder failed = new LongAdder();
    Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    AtomicLong last = new AtomicLong();
    long start = System.nanoTime();
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (int index = from; index < to; index++) {
      String cookie = agent.logins.sessions.get(Logins.username("bench", index));
      if (!agent.owns(index) || cookie == null) {
        continue;
      }
      Attempt attempt =
          new Attempt(
              cookie, base + index / 2, file, retryMs, statuses, retries, System.nanoTime());
      all.add(
          attempt
              .send()
              .handle(
                  (ok, failure) -> {
                    last.accumulateAndGet(System.nanoTime(), Math::max);
                    if (failure == null && ok) {
                      stored.increment();
                      latency.record((System.nanoTime() - attempt.began) / 1000);
                    } else {
                      failed.increment();
                    }
                    return null;
                  }));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
        .orTimeout(600, TimeUnit.SECONDS)
        .join();
    Map<Integer, Long> byStatus = new TreeMap<>();
    statuses.forEach((status, count) -> byStatus.put(status, count.sum()));
    return "uploads="
        + all.size()
        + " stored="
        + stored.sum()
        + " failed="
        + failed.sum()
        + " retries="
        + retries.sum()
        + " bytes="
        + stored.sum() * file.length
        + " micros="
        + (all.isEmpty() ? 0 : (last.get() - start) / 1000)
        + " statuses="
        + byStatus.toString().replace(' ', '_')
        + " hist="
        + latency.encode();
  }

  /**
   * An Ogg stream's signature and then noise: the server's content check takes it for audio, which
   * it stores as it arrives (no decoding, no preview), so the run measures the upload path itself.
   */
  static byte[] oggLike(int bytes) {
    byte[] file = new byte[bytes];
    new Random(42).nextBytes(file);
    byte[] head = {'O', 'g', 'g', 'S', 0, 2};
    System.arraycopy(head, 0, file, 0, head.length);
    // No '<' in the part the server inspects, so noise never looks like markup.
    for (int i = head.length; i < Math.min(bytes, 8192); i++) {
      if (file[i] == '<') {
        file[i] = 0;
      }
    }
    return file;
  }

  private final class Attempt {
    private final String cookie;
    private final long conversation;
    private final byte[] file;
    private final int retryMs;
    private final Map<Integer, LongAdder> statuses;
    private final LongAdder retries;
    private final String clientId = UUID.randomUUID().toString();
    final long began;

    Attempt(
        String cookie,
        long conversation,
        byte[] file,
        int retryMs,
        Map<Integer, LongAdder> statuses,
        LongAdder retries,
        long began) {
      this.cookie = cookie;
      this.conversation = conversation;
      this.file = file;
      this.retryMs = retryMs;
      this.statuses = statuses;
      this.retries = retries;
      this.began = began;
    }

    /** Completes with true once stored, false on a refusal other than "busy". */
    CompletableFuture<Boolean> send() {
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create(
                      agent.target.applicationUrl() + "/api/files?conversation=" + conversation))
              .timeout(Duration.ofSeconds(300))
              .header("Cookie", cookie)
              .header("Content-Type", "application/octet-stream")
              .header("File-Client-Id", clientId)
              .header("File-Name", "bench-voice-note.ogg")
              .POST(HttpRequest.BodyPublishers.ofByteArray(file))
              .build();
      return agent
          .http
          .sendAsync(request, HttpResponse.BodyHandlers.discarding())
          .thenCompose(
              response -> {
                statuses.computeIfAbsent(response.statusCode(), s -> new LongAdder()).increment();
                if (response.statusCode() == 429) {
                  retries.increment();
                  long pause = retryMs / 2 + ThreadLocalRandom.current().nextLong(retryMs + 1L);
                  return CompletableFuture.supplyAsync(
                          () -> null,
                          CompletableFuture.delayedExecutor(pause, TimeUnit.MILLISECONDS))
                      .thenCompose(ignored -> send());
                }
                return CompletableFuture.completedFuture(response.statusCode() == 200);
              });
    }
  }
}
