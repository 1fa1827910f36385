package com.consultchat.bench;

import static com.consultchat.bench.Targets.map;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * Two nodes of a cluster on this machine, each in its own JVM: more authenticated sockets than one
 * node may hold, split between them (people take turns, so the two of every pair and the members of
 * every room are on different nodes); then one-to-one traffic, every message crossing from one node
 * to the other, and rooms whose members are on both.
 */
final class ClusterScenario {

  private final Harness h;
  private final List<Long> nodes;

  ClusterScenario(Harness harness) {
    this.h = harness;
    this.nodes = harness.target().pids();
  }

  Map<String, Object> run() throws Exception {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("target", h.target().name());
    result.put("nodes", nodes.size());
    result.put("hold", hold(h.options.integer("hold.sockets")));
    Map<String, Object> oneToOne = new OneToOneScenario(h).run();
    result.put("one_to_one", oneToOne);
    result.put("rooms", new RoomScenario(h).run());
    return result;
  }

  private Map<String, Object> hold(int n) {
    Map<String, Object> hold = new LinkedHashMap<>();
    hold.put("sockets_requested", n);
    hold.put("waited_for_quiet_machine_s", h.awaitQuiet(h.options.integer("quiet.wait.seconds")));
    List<Long> filesBefore = nodes.stream().map(ClusterScenario::openFiles).toList();

    long start = System.nanoTime();
    CpuMeter cpu = h.cpu();
    List<Reply> logins = h.logIn(n);
    double loginSeconds = (System.nanoTime() - start) / 1e9;
    long loggedIn = Harness.sum(logins, "ok");
    hold.put("logged_in", loggedIn);
    hold.put("login_seconds", HoldScenario.round(loginSeconds));
    hold.put("logins_per_second", Math.round(loggedIn / loginSeconds));
    hold.put("login_cpu", cpu.since());

    start = System.nanoTime();
    cpu = h.cpu();
    List<Reply> opened =
        h.all("open 0 " + n + " " + h.options.integer("open.concurrency") + " none 0", 1800);
    double openSeconds = (System.nanoTime() - start) / 1e9;
    long open = Harness.sum(opened, "opened");
    hold.put("opened", open);
    hold.put("failed", Harness.sum(opened, "failed"));
    hold.put("failure_reasons", opened.stream().map(r -> r.text("reasons")).toList());
    hold.put("handshakes_per_second", Math.round(open / openSeconds));
    hold.put("handshake_latency", Harness.merged(opened, "hist").summary());
    hold.put("handshake_cpu", cpu.since());

    int seconds = h.options.integer("hold.seconds");
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    long stillOpen = open;
    while (System.nanoTime() < end) {
      LockSupport.parkNanos(Math.min(TimeUnit.SECONDS.toNanos(10), end - System.nanoTime()));
      stillOpen = Math.min(stillOpen, Harness.sum(h.all("count", 60), "open"));
    }
    hold.put("hold_seconds", seconds);
    hold.put("sockets_open_after_hold", stillOpen);
    List<Long> filesHeld = nodes.stream().map(ClusterScenario::openFiles).toList();
    List<Long> perNode = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i++) {
      perNode.add(filesHeld.get(i) - filesBefore.get(i));
    }
    // Each node's own count, from its open files: the sockets it holds, whatever the clients say.
    hold.put("open_files_added_per_node", perNode);
    hold.put(
        "rss_per_node_mb", nodes.stream().map(p -> HoldScenario.mb(Probe.rssBytes(p))).toList());
    hold.put("close", h.all("close", 600).get(0).values());
    return hold;
  }

  private static String cpuRow(Map<String, Object> cpu) {
    return cpu.get("server_pct") + " / " + cpu.get("postgres_pct") + " / " + cpu.get("clients_pct");
  }

  private static long openFiles(long pid) {
    try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
      return fds.count();
    } catch (IOException e) {
      return -1;
    }
  }

  /**
   * The report's section: what the two nodes held, and the one-to-one latency across them beside
   * one node's at the same offered rates when this run measured both.
   */
  static List<String> section(Map<String, Object> cluster, Map<String, Object> oneNode) {
    List<String> md = new ArrayList<>();
    Map<String, Object> hold = map(cluster, "hold");
    md.add("| | two nodes |");
    md.add("|---|---|");
    md.add("| sockets requested | " + hold.get("sockets_requested") + " |");
    md.add("| sockets open after the hold | " + hold.get("sockets_open_after_hold") + " |");
    md.add("| open files added per node | " + hold.get("open_files_added_per_node") + " |");
    md.add("| logins per second (1-iteration hash) | " + hold.get("logins_per_second") + " |");
    md.add("| handshakes per second | " + hold.get("handshakes_per_second") + " |");
    md.add("| handshake latency p99 (ms) | " + map(hold, "handshake_latency").get("p99_ms") + " |");
    md.add("| RSS per node with all sockets (MB) | " + hold.get("rss_per_node_mb") + " |");
    md.add("| CPU % both nodes / db / clients, logins | " + cpuRow(map(hold, "login_cpu")) + " |");
    md.add(
        "| CPU % both nodes / db / clients, handshakes | "
            + cpuRow(map(hold, "handshake_cpu"))
            + " |");
    md.add("");
    md.add(
        "One-to-one, the two of each pair on different nodes (every message crosses), beside one"
            + " node at the same offered rate:");
    md.add("");
    md.add(
        "| offered/s | delivered/s | p50 | p99 | p99.9 (ms) | one node p99 (ms) | added by the"
            + " second node, p99 (ms) | lost/dup/reord | CPU % both nodes / db / clients |");
    md.add("|---|---|---|---|---|---|---|---|---|");
    Map<Object, Object> singleP99 = new LinkedHashMap<>();
    if (oneNode != null) {
      for (Object item : (List<?>) oneNode.get("steps")) {
        @SuppressWarnings("unchecked")
        Map<String, Object> s = (Map<String, Object>) item;
        singleP99.put(s.get("offered_per_second"), map(s, "latency_to_recipient").get("p99_ms"));
      }
    }
    for (Object item : (List<?>) map(cluster, "one_to_one").get("steps")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> s = (Map<String, Object>) item;
      Map<String, Object> l = map(s, "latency_to_recipient");
      Object single = singleP99.get(s.get("offered_per_second"));
      Map<String, Object> cpu = map(s, "cpu");
      md.add(
          "| "
              + s.get("offered_per_second")
              + " | "
              + s.get("delivered_per_second_in_window")
              + " | "
              + l.get("p50_ms")
              + " | "
              + l.get("p99_ms")
              + " | "
              + l.get("p99_9_ms")
              + " | "
              + (single == null ? "not run" : single)
              + " | "
              + (single == null
                  ? "n/a"
                  : HoldScenario.round(
                      ((Number) l.get("p99_ms")).doubleValue() - ((Number) single).doubleValue()))
              + " | "
              + Sections.integrity(s)
              + " | "
              + cpuRow(cpu)
              + " |");
    }
    md.add("");
    md.add("Rooms, members alternating between the nodes:");
    md.add("");
    md.add(
        "| members | last member p50 / p99 per message (ms) | complete | fan-out deliveries/s |");
    md.add("|---|---|---|---|");
    Map<String, Object> rooms = map(cluster, "rooms");
    Object fanout = map(rooms, "fanout").get("deliveries_per_second");
    for (Object item : (List<?>) rooms.get("rooms")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> room = (Map<String, Object>) item;
      md.add(
          "| "
              + room.get("members")
              + " | "
              + room.get("last_member_ms_per_message")
              + " | "
              + room.get("complete")
              + " | "
              + fanout
              + " |");
    }
    return md;
  }
}
