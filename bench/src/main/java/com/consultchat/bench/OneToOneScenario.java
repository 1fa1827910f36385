package com.consultchat.bench;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * K pairs (patient and specialist of one consultation) both send, at a fixed total rate per step,
 * open loop. Each message must be stored before its ack; the other member must receive it. Measures
 * offered against delivered, latency from send to the other member, server and database CPU, and
 * lost, duplicated and reordered messages on every socket.
 */
final class OneToOneScenario {

  /** Counts the messages a server has stored so far, to compare with what was sent. */
  interface StoredCount {
    long count() throws SQLException;
  }

  private final Harness h;
  private final String storedKey;
  private final StoredCount stored;

  /** Against ConsultChat, or the bare baseline, which stores nothing. */
  OneToOneScenario(Harness harness) {
    this.h = harness;
    this.storedKey = "stored_in_database";
    int pairs = h.options.integer("pairs");
    this.stored =
        h.target().bare()
            ? null
            : () ->
                BenchDatabase.storedMessages(
                    BenchDatabase.PAIR_BASE, BenchDatabase.PAIR_BASE + pairs - 1);
  }

  /** Against another server, whose store is counted under {@code storedKey} after every step. */
  OneToOneScenario(Harness harness, String storedKey, StoredCount stored) {
    this.h = harness;
    this.storedKey = storedKey;
    this.stored = stored;
  }

  Map<String, Object> run() throws SQLException {
    int pairs = h.options.integer("pairs");
    int seconds = h.options.integer("step.seconds");
    int drain = h.options.integer("drain.seconds");
    boolean bare = h.target().bare();
    boolean acks = h.target().acks();
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("target", h.target().name());
    result.put("pairs", pairs);
    result.put("step_seconds", seconds);
    if (!bare) {
      h.logIn(2 * pairs);
    }
    List<Reply> opened =
        h.all(
            "open 0 "
                + 2 * pairs
                + " "
                + h.options.integer("open.concurrency")
                + " pairs "
                + BenchDatabase.PAIR_BASE,
            600);
    result.put("sockets", Harness.sum(opened, "opened"));
    if (h.options.integer("warmup.seconds") > 0) {
      result.put("warmup", warmUp(drain));
    }
    List<Map<String, Object>> steps = new ArrayList<>();
    long storedBefore = stored == null ? 0 : stored.count();
    for (int rate : h.options.integers("rates")) {
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("offered_per_second", rate);
      step.put("waited_for_quiet_machine_s", h.awaitQuiet(h.options.integer("quiet.wait.seconds")));
      h.all("reset", 30);
      CpuMeter cpu = h.cpu();
      double share = rate / (double) h.agents.size();
      List<Reply> drives =
          h.profiled(
              "one-to-one-" + rate,
              step,
              () ->
                  h.all("drive " + share + " " + seconds + " " + drain, seconds + 3L * drain + 60));
      Map<String, Object> used = cpu.since();
      step.put("cpu", used);
      // CPU time per offered message, in milliseconds, of the server and of PostgreSQL.
      step.put("server_cpu_ms_per_message", perMessage(used.get("server_pct"), rate));
      step.put("db_cpu_ms_per_message", perMessage(used.get("postgres_pct"), rate));
      List<Reply> checks = h.all("verify -1 -1", 60);
      long issued = Harness.sum(drives, "issued");
      long acked = Harness.sum(drives, "acked");
      step.put("sent", issued);
      if (acks) {
        step.put("acked", acked);
        step.put("refused", Harness.sum(drives, "refused"));
        step.put("unacknowledged", Harness.sum(drives, "unresolved"));
      }
      step.put("delivered", Harness.sum(drives, "delivered"));
      step.put(
          "delivered_per_second_in_window",
          Math.round(Harness.sum(drives, "deliveredInWindow") / (double) seconds));
      step.put("latency_to_recipient", Harness.merged(drives, "hist").summary());
      if (acks) {
        step.put("latency_to_ack", Harness.merged(drives, "ackhist").summary());
      }
      step.put("lost", Harness.sum(checks, "missing"));
      step.put("duplicated", Harness.sum(checks, "duplicates"));
      step.put("reordered", Harness.sum(checks, "reordered"));
      step.put("unexpected", Harness.sum(checks, "outside") + Harness.sum(drives, "foreign"));
      if (acks) {
        step.put("resent_acks", Harness.sum(drives, "resent"));
      }
      step.put("problems", drives.stream().map(r -> r.text("problems")).toList());
      if (stored != null) {
        long storedNow = stored.count();
        step.put(storedKey, storedNow - storedBefore);
        storedBefore = storedNow;
      }
      steps.add(step);
      if (Harness.sum(drives, "deliveredInWindow") < issued / 2) {
        step.put(
            "note", "saturated: less than half delivered within the step; higher rates skipped");
        break;
      }
    }
    result.put("steps", steps);
    h.all("close", 300);
    return result;
  }

  /**
   * Traffic until the JIT has caught up: on two cores a compiler still working through its queue
   * takes half a core from a step and leaves the send path in slower, profiled code meanwhile. It
   * runs in rounds of {@link #WARMUP_ROUND_SECONDS}: first well below capacity ({@code
   * warmup.rate}, at least {@code warmup.seconds}; an overloaded start would compile under
   * pressure), then at the first step's rate, whose heavier paths (sends that wait together and go
   * as one batch) only get hot there; each phase ends with a round that sees the compiler threads
   * below {@code warmup.jit.pct} of a core, all of it within {@code warmup.max.seconds}.
   */
  private Map<String, Object> warmUp(int drain) {
    int least = h.options.integer("warmup.seconds");
    int most = Math.max(least, h.options.integer("warmup.max.seconds"));
    int settled = h.options.integer("warmup.jit.pct");
    int[] rates = {h.options.integer("warmup.rate"), h.options.integers("rates").get(0)};
    int round = Math.min(WARMUP_ROUND_SECONDS, least);
    int seconds = 0;
    long jit = 0;
    Histogram latency = null;
    for (int phase = 0; phase < rates.length; phase++) {
      int phaseSeconds = 0;
      do {
        h.all("reset", 30);
        CpuMeter cpu = h.cpu();
        latency =
            h.all(
                    "drive " + rates[phase] / (double) h.agents.size() + " " + round + " " + drain,
                    round + 3L * drain + 60)
                .get(0)
                .histogram("hist");
        jit = compilerPercent(cpu.since());
        seconds += round;
        phaseSeconds += round;
      } while (seconds < most && ((phase == 0 && phaseSeconds < least) || jit > settled));
    }
    Map<String, Object> warmup = new LinkedHashMap<>();
    warmup.put("seconds", seconds);
    warmup.put("offered_per_second", rates[0] + " then " + rates[1]);
    warmup.put("jit_pct_last_round", jit);
    warmup.put("p99_ms_last_round", Histogram.millis(latency.percentile(0.99)));
    return warmup;
  }

  private static final int WARMUP_ROUND_SECONDS = 30;

  /** The share of a core the server's JIT compiler threads took, in percent. */
  @SuppressWarnings("unchecked")
  static long compilerPercent(Map<String, Object> used) {
    Object threads = used.get("server_threads_pct");
    return threads == null
        ? 0
        : ((Map<String, Object>) threads)
            .entrySet().stream()
                .filter(
                    entry -> entry.getKey().startsWith("C") && entry.getKey().contains("Compiler"))
                .mapToLong(entry -> ((Number) entry.getValue()).longValue())
                .sum();
  }

  private static double perMessage(Object percent, int rate) {
    return Math.round(((Number) percent).doubleValue() * 10.0 / rate * 100) / 100.0;
  }

  /**
   * A step meets a target rate if everything offered was acknowledged (by a server that acks),
   * delivered, and p99 ≤ 100 ms.
   */
  static boolean meets(Map<String, Object> step) {
    @SuppressWarnings("unchecked")
    Map<String, Object> latency = (Map<String, Object>) step.get("latency_to_recipient");
    long sent = (long) step.get("sent");
    Object acked = step.get("acked");
    return (acked == null || (long) acked == sent)
        && (long) step.get("delivered") == sent
        && (long) step.get("lost") == 0
        && (long) step.get("delivered_per_second_in_window")
            >= 0.98 * (int) step.get("offered_per_second")
        && (double) latency.get("p99_ms") <= 100;
  }
}
