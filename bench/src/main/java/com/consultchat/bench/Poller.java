package com.consultchat.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Clients polling ConsultChat's HTTP transport, each at a fixed interval from a random phase, as
 * browsers without a socket do: {@code GET /api/conversations/{id}/frames?after=seq}. A client
 * never has two polls in flight; a tick that finds the last poll unanswered is counted as skipped.
 * Each client's first poll catches up on history and is counted apart from the steady state.
 */
final class Poller {

  record Client(String cookie, long conversation) {}

  private final HttpClient http;
  private final String applicationUrl;
  private final Histogram latency = new Histogram();
  private final Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
  private final LongAdder skipped = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
  private final LongAdder catchUps = new LongAdder();

  Poller(HttpClient http, String applicationUrl) {
    this.http = http;
    this.applicationUrl = applicationUrl;
  }

  private volatile long measureFrom;

  /**
   * Polls for {@code warmup + seconds}; only polls sent after the warm-up count, so every client
   * has caught up on history and the JIT has compiled the path before the figures start.
   */
  String run(List<Client> clients, int intervalMs, int seconds, int warmup) {
    measureFrom = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmup);
    ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    for (Client client : clients) {
      Polling polling = new Polling(client);
      timer.scheduleAtFixedRate(
          polling::poll,
          ThreadLocalRandom.current().nextInt(intervalMs),
          intervalMs,
          TimeUnit.MILLISECONDS);
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    timer.schedule(() -> done.complete(null), warmup + seconds, TimeUnit.SECONDS);
    done.orTimeout(warmup + seconds + 30L, TimeUnit.SECONDS).join();
    timer.shutdownNow();
    return "clients="
        + clients.size()
        + " polls="
        + latency.count()
        + " catchups="
        + catchUps.sum()
        + " skipped="
        + skipped.sum()
        + " failed="
        + failed.sum()
        + " failures="
        + byName(failures)
        + " statuses="
        + byName(statuses)
        + " hist="
        + latency.encode();
  }

  private final class Polling {
    private final Client client;
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private volatile long after;
    private volatile boolean caughtUp;
    private volatile String version;

    Polling(Client client) {
      this.client = client;
    }

    void poll() {
      long start = System.nanoTime();
      boolean measured = start >= measureFrom;
      if (!inFlight.compareAndSet(false, true)) {
        if (measured) {
          skipped.increment();
        }
        return;
      }
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create(
                      applicationUrl
                          + "/api/conversations/"
                          + client.conversation()
                          + "/frames?after="
                          + after
                          + (version == null ? "" : "&v=" + version)))
              .timeout(Duration.ofSeconds(30))
              .header("Cookie", client.cookie())
              .GET()
              .build();
      http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
          .whenComplete(
              (response, failure) -> {
                long micros = (System.nanoTime() - start) / 1000;
                inFlight.set(false);
                if (failure != null) {
                  failed.increment();
                  Throwable cause = failure.getCause() == null ? failure : failure.getCause();
                  failures
                      .computeIfAbsent(cause.getClass().getSimpleName(), name -> new LongAdder())
                      .increment();
                  return;
                }
                if (response.statusCode() == 200) {
                  after = Math.max(after, maxSeq(response.body()));
                  // As the browser does: the version token lets a poll with nothing new skip
                  // the database.
                  version = response.headers().firstValue("Poll-Version").orElse(null);
                }
                if (!caughtUp && response.statusCode() == 200) {
                  caughtUp = true;
                  catchUps.increment();
                } else if (measured) {
                  statuses
                      .computeIfAbsent(String.valueOf(response.statusCode()), s -> new LongAdder())
                      .increment();
                  latency.record(micros);
                }
              });
    }
  }

  /** Counts by name, as one token of the reply line. */
  private static String byName(Map<String, LongAdder> counts) {
    Map<String, Long> sorted = new TreeMap<>();
    counts.forEach((name, count) -> sorted.put(name, count.sum()));
    return sorted.toString().replace(' ', '_');
  }

  private static long maxSeq(String body) {
    long max = 0;
    for (int at = body.indexOf("\"seq\":"); at >= 0; at = body.indexOf("\"seq\":", at + 6)) {
      max = Math.max(max, Frames.number(body.substring(at), "seq"));
    }
    return max;
  }
}
