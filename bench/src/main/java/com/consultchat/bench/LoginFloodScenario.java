package com.consultchat.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The finding of the security review, measured: people keep their sockets open and ping once a
 * second, first on a quiet server, then while guessers send wrong passwords as fast as they can
 * (each for an unknown username, so every guess costs a full key derivation). The key derivation
 * has its own small pool, so the ping round trips should barely move.
 */
final class LoginFloodScenario {

  private final Harness h;

  LoginFloodScenario(Harness harness) {
    this.h = harness;
  }

  Map<String, Object> run() {
    int sockets = h.options.integer("flood.sockets");
    int guessers = h.options.integer("flood.logins");
    int seconds = h.options.integer("flood.seconds");
    int interval = h.options.integer("flood.ping.ms");
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("sockets_requested", sockets);
    result.put("guessers", guessers);
    result.put("seconds_each", seconds);
    h.logIn(sockets);
    List<Reply> opened =
        h.all("open 0 " + sockets + " " + h.options.integer("open.concurrency") + " none 0", 600);
    result.put("sockets_open", Harness.sum(opened, "opened"));
    result.put("waited_for_quiet_machine_s", h.awaitQuiet(h.options.integer("quiet.wait.seconds")));

    result.put("quiet", pings(seconds, interval));
    CpuMeter cpu = h.cpu();
    CompletableFuture<Reply> flood =
        CompletableFuture.supplyAsync(
            () -> h.first("guesses " + guessers + " " + seconds, seconds + 180L));
    Map<String, Object> underFlood = pings(seconds, interval);
    Reply guesses = flood.join();
    underFlood.put("cpu", cpu.since());
    result.put("under_flood", underFlood);
    Map<String, Object> logins = new LinkedHashMap<>();
    logins.put("answered", guesses.number("answered"));
    logins.put("failed", guesses.number("failed"));
    logins.put("per_second", guesses.number("per_second"));
    logins.put("latency", Histogram.decode(guesses.text("hist")).summary());
    result.put("wrong_logins", logins);
    result.put("close", h.all("close", 300).get(0).values());
    return result;
  }

  private Map<String, Object> pings(int seconds, int interval) {
    List<Reply> replies = h.all("pings " + seconds + " " + interval, seconds + 120L);
    Map<String, Object> pings = new LinkedHashMap<>();
    pings.put("sent", Harness.sum(replies, "sent"));
    pings.put("answered", Harness.sum(replies, "answered"));
    pings.put("round_trip", Harness.merged(replies, "hist").summary());
    return pings;
  }

  /** The summary's section. */
  static List<String> section(Map<String, Object> result) {
    List<String> md = new ArrayList<>();
    Map<String, Object> quiet = Targets.map(result, "quiet");
    Map<String, Object> flood = Targets.map(result, "under_flood");
    Map<String, Object> logins = Targets.map(result, "wrong_logins");
    md.add(
        "| "
            + result.get("sockets_open")
            + " sockets pinging once a second | quiet | "
            + result.get("guessers")
            + " guessers at once |");
    md.add("|---|---|---|");
    for (String key : List.of("p50_ms", "p99_ms", "max_ms")) {
      md.add(
          "| ping round trip "
              + key.replace("_ms", "")
              + " (ms) | "
              + Targets.map(quiet, "round_trip").get(key)
              + " | "
              + Targets.map(flood, "round_trip").get(key)
              + " |");
    }
    md.add(
        "| pings answered / sent | "
            + quiet.get("answered")
            + " / "
            + quiet.get("sent")
            + " | "
            + flood.get("answered")
            + " / "
            + flood.get("sent")
            + " |");
    md.add("");
    md.add(
        "Wrong-password logins answered: "
            + logins.get("answered")
            + " ("
            + logins.get("per_second")
            + "/s), latency "
            + logins.get("latency")
            + "; server and clients: `"
            + flood.get("cpu")
            + "`");
    return md;
  }
}
