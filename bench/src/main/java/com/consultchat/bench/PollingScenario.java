package com.consultchat.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * P logged-in clients poll their conversation every I ms over HTTP, from random phases. Measures
 * the response time of steady-state polls (each client's first poll, which catches up on history,
 * is counted apart) and the server's CPU. If the deployed build has no polling endpoint, the
 * scenario says so instead of measuring something else under its name.
 */
final class PollingScenario {

  private PollingScenario() {}

  static Map<String, Object> run(Harness h) {
    int clients = h.options.integer("polling.clients");
    int interval = h.options.integer("polling.interval.ms");
    int seconds = h.options.integer("polling.seconds");
    String target =
        "Polling: " + String.format("%,d", clients) + " clients every " + interval / 1000.0 + " s";
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("clients", clients);
    result.put("interval_ms", interval);
    result.put("seconds", seconds);
    h.logIn(clients);
    // Slower than the server's 2 s floor between polls, or the probe sees only 429s.
    Reply probe = h.first("poll 0 2 2500 6 " + BenchDatabase.PAIR_BASE + " 0", 60);
    if (!probe.text("statuses").contains("200=")) {
      String why =
          "no polling endpoint answers GET /api/conversations/{id}/frames (statuses "
              + probe.text("statuses")
              + ")";
      result.put("status", "not measurable");
      result.put("why", why);
      h.report.notMeasured(target, "p99 ≤ 100 ms", "not measurable: " + why);
      h.report.section("Polling", List.of("Not measurable: " + why + "."));
      return result;
    }
    result.put("waited_for_quiet_machine_s", h.awaitQuiet(h.options.integer("quiet.wait.seconds")));
    int warmup = h.options.integer("polling.warmup.seconds");
    result.put("warmup_seconds", warmup);
    // CPU is counted from the end of the warm-up, when the measured polls begin.
    CompletableFuture<CpuMeter> cpu =
        CompletableFuture.supplyAsync(
            h::cpu, CompletableFuture.delayedExecutor(warmup, TimeUnit.SECONDS));
    List<Reply> replies =
        h.profiled(
            "polling",
            result,
            () ->
                h.all(
                    "poll 0 "
                        + clients
                        + " "
                        + interval
                        + " "
                        + seconds
                        + " "
                        + BenchDatabase.PAIR_BASE
                        + " "
                        + warmup,
                    warmup + seconds + 90L));
    result.put("cpu", cpu.join().since());
    long polls = Harness.sum(replies, "polls");
    long skipped = Harness.sum(replies, "skipped");
    long failed = Harness.sum(replies, "failed");
    Histogram latency = Harness.merged(replies, "hist");
    result.put("polling_clients", Harness.sum(replies, "clients"));
    result.put("steady_polls", polls);
    result.put("polls_per_second", Math.round(polls / (double) seconds));
    result.put("catch_up_polls", Harness.sum(replies, "catchups"));
    result.put("skipped_ticks_previous_poll_unanswered", skipped);
    result.put("failed", failed);
    result.put("statuses", replies.stream().map(r -> r.text("statuses")).toList());
    result.put("failures", replies.stream().map(r -> r.text("failures")).toList());
    result.put("latency", latency.summary());
    double p99 = Histogram.millis(latency.percentile(0.99));
    boolean clean =
        skipped == 0
            && failed == 0
            && replies.stream().allMatch(r -> r.text("statuses").matches("\\{200=\\d+}"));
    h.report.check(
        target,
        "p99 ≤ 100 ms",
        "p99 "
            + p99
            + " ms, max "
            + Histogram.millis(latency.maxMicros())
            + " ms, "
            + result.get("polls_per_second")
            + " polls/s, "
            + skipped
            + " ticks skipped, statuses "
            + result.get("statuses"),
        clean && p99 <= 100);
    List<String> md = new ArrayList<>();
    md.add(
        "| clients | interval | polls/s | p50 | p90 | p99 | p99.9 | max (ms) | skipped | server / db / clients CPU % |");
    md.add("|---|---|---|---|---|---|---|---|---|---|");
    Map<String, Object> l = latency.summary();
    Map<String, Object> c = Targets.map(result, "cpu");
    md.add(
        "| "
            + clients
            + " | "
            + interval
            + " ms | "
            + result.get("polls_per_second")
            + " | "
            + l.get("p50_ms")
            + " | "
            + l.get("p90_ms")
            + " | "
            + l.get("p99_ms")
            + " | "
            + l.get("p99_9_ms")
            + " | "
            + l.get("max_ms")
            + " | "
            + skipped
            + " | "
            + c.get("server_pct")
            + " / "
            + c.get("postgres_pct")
            + " / "
            + c.get("clients_pct")
            + " |");
    Sections.profile(md, "polling", Targets.map(result, "profile"));
    h.report.section("Polling", md);
    return result;
  }
}
