package com.consultchat.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * N people log in and each opens one socket; the sockets stay idle for a set time. Measures login
 * and handshake rates, and the server's live heap (after a full GC) and RSS per socket, with the
 * classes that make up the difference.
 */
final class HoldScenario {

  private final Harness h;
  private final Map<String, Object> result = new LinkedHashMap<>();
  private final List<String> md = new ArrayList<>();

  HoldScenario(Harness harness) {
    this.h = harness;
  }

  Map<String, Object> run() {
    int n = h.options.integer("hold.sockets");
    long pid = h.target().pid();
    boolean bare = h.target().bare();
    result.put("target", h.target().name());
    result.put("sockets_requested", n);
    warmUp(n, h.options.integer("hold.warmup"), bare);
    result.put("waited_for_quiet_machine_s", h.awaitQuiet(h.options.integer("quiet.wait.seconds")));
    Probe.nativeBaseline(pid);
    Probe.Heap before = Probe.heapAfterGc(pid);
    long rssBefore = Probe.rssBytes(pid);
    double loginSeconds = 0;
    long loggedIn = 0;
    Probe.Heap sessions = before;
    long rssSessions = rssBefore;
    if (!bare) {
      Map<String, Object> logins = new LinkedHashMap<>();
      long start = System.nanoTime();
      CpuMeter cpu = h.cpu();
      List<Reply> replies = h.profiled("hold-logins", logins, () -> h.logIn(n));
      logins.put("cpu", cpu.since());
      loginSeconds = (System.nanoTime() - start) / 1e9;
      loggedIn = Harness.sum(replies, "ok");
      logins.put("ok", loggedIn);
      logins.put("failed", Harness.sum(replies, "failed"));
      logins.put("seconds", round(loginSeconds));
      logins.put("per_second", Math.round(loggedIn / loginSeconds));
      logins.put("latency", Harness.merged(replies, "hist").summary());
      result.put("logins", logins);
      sessions = Probe.heapAfterGc(pid);
      rssSessions = Probe.rssBytes(pid);
    }
    Map<String, Object> handshakes = new LinkedHashMap<>();
    int concurrency = h.options.integer("open.concurrency");
    long start = System.nanoTime();
    CpuMeter cpu = h.cpu();
    List<Reply> opened =
        h.profiled(
            "hold-handshakes",
            handshakes,
            () -> h.all("open 0 " + n + " " + concurrency + " none 0", 900));
    double openSeconds = (System.nanoTime() - start) / 1e9;
    handshakes.put("cpu", cpu.since());
    long open = Harness.sum(opened, "opened");
    handshakes.put("opened", open);
    handshakes.put("failed", Harness.sum(opened, "failed"));
    handshakes.put("failure_reasons", opened.stream().map(r -> r.text("reasons")).toList());
    handshakes.put("seconds", round(openSeconds));
    handshakes.put("per_second", Math.round(open / openSeconds));
    if (!bare) {
      handshakes.put(
          "login_and_handshake_per_second",
          Math.round(Math.min(open, loggedIn) / (loginSeconds + openSeconds)));
    }
    handshakes.put("latency", Harness.merged(opened, "hist").summary());
    result.put("handshakes", handshakes);

    long stillOpen = hold(h.options.integer("hold.seconds"));
    Probe.Heap held = Probe.heapAfterGc(pid);
    long rssHeld = Probe.rssBytes(pid);
    long sockets = Math.max(1, stillOpen);
    Map<String, Object> memory = new LinkedHashMap<>();
    memory.put("native_growth_kb_by_category", Probe.nativeGrowth(pid));
    memory.put("sockets_open_after_hold", stillOpen);
    memory.put("heap_before_mb", mb(before.bytes()));
    memory.put("heap_with_sessions_mb", mb(sessions.bytes()));
    memory.put("heap_with_sockets_mb", mb(held.bytes()));
    memory.put("rss_before_mb", mb(rssBefore));
    memory.put("rss_with_sessions_mb", mb(rssSessions));
    memory.put("rss_with_sockets_mb", mb(rssHeld));
    double socketHeap = kb((held.bytes() - sessions.bytes()) / (double) sockets);
    double sessionHeap = kb((sessions.bytes() - before.bytes()) / (double) sockets);
    // The heap is preallocated and pre-touched, so RSS growth is what lies outside it; the heap's
    // own share is the live heap each person adds.
    double rssNative = kb((rssHeld - rssBefore) / (double) sockets);
    double rssPerSocket = round(rssNative + socketHeap + sessionHeap);
    memory.put("heap_per_socket_kb", socketHeap);
    memory.put("heap_per_http_session_kb", sessionHeap);
    memory.put("heap_per_person_kb", round(socketHeap + sessionHeap));
    memory.put("rss_outside_heap_per_person_kb", rssNative);
    memory.put("rss_per_person_kb", rssPerSocket);
    memory.put("server_jvm", h.options.text("server.jvm"));
    memory.put("socket_classes_bytes_each", perItem(sessions, held, sockets));
    memory.put("session_classes_bytes_each", perItem(before, sessions, sockets));
    result.put("memory", memory);
    result.put("close", h.all("close", 300).get(0).values());
    if (!bare) {
      result.put("production_kdf", KdfCost.measure(h));
    }
    return result;
  }

  /**
   * People beyond the measured ones log in, open and close, so the JIT and one-time allocations of
   * the login and handshake paths are behind us when the baseline is taken.
   */
  private void warmUp(int from, int count, boolean bare) {
    if (count <= 0) {
      return;
    }
    if (!bare) {
      h.all(
          "login bench "
              + from
              + " "
              + (from + count)
              + " "
              + h.options.integer("login.concurrency"),
          600);
    }
    h.all(
        "open "
            + from
            + " "
            + (from + count)
            + " "
            + h.options.integer("open.concurrency")
            + " none 0",
        600);
    h.all("close", 300);
    result.put("warmup_people", count);
  }

  /** Waits out the hold, asking the clients every few seconds how many sockets are still open. */
  private long hold(int seconds) {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    List<Reply> counts = h.all("count", 60);
    long open = Harness.sum(counts, "open");
    while (System.nanoTime() < end) {
      LockSupport.parkNanos(Math.min(TimeUnit.SECONDS.toNanos(10), end - System.nanoTime()));
      counts = h.all("count", 60);
      open = Math.min(open, Harness.sum(counts, "open"));
    }
    result.put("hold_seconds", seconds);
    result.put("closed_during_hold_by_code", counts.stream().map(r -> r.text("codes")).toList());
    return open;
  }

  /** The classes that grew most between two heaps, in bytes per item (socket or session). */
  private static Map<String, Object> perItem(Probe.Heap from, Probe.Heap to, long items) {
    Map<String, Long> growth = new LinkedHashMap<>();
    to.classes()
        .forEach(
            (name, counts) -> {
              long[] earlier = from.classes().getOrDefault(name, new long[2]);
              growth.put(name, counts[1] - earlier[1]);
            });
    Map<String, Object> top = new LinkedHashMap<>();
    growth.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(12)
        .forEach(e -> top.put(e.getKey(), Math.round(e.getValue() / (double) items)));
    return top;
  }

  static double kb(double bytes) {
    return round(bytes / 1024);
  }

  static double mb(long bytes) {
    return round(bytes / 1024.0 / 1024);
  }

  static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
