package com.consultchat.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parameters of a run, from {@code --name=value} arguments; every one has the default of the full
 * run, and smaller sizes make a quick run. Scenario names are bare arguments ({@code all} if none).
 */
final class Options {

  static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

  static {
    DEFAULTS.put("agents", "2");
    DEFAULTS.put("hold.sockets", "18000");
    DEFAULTS.put("flood.sockets", "1000");
    DEFAULTS.put("flood.logins", "24");
    DEFAULTS.put("flood.seconds", "30");
    DEFAULTS.put("flood.ping.ms", "1000");
    DEFAULTS.put("hold.seconds", "30");
    DEFAULTS.put("hold.warmup", "2000");
    DEFAULTS.put("login.concurrency", "8");
    DEFAULTS.put("open.concurrency", "64");
    DEFAULTS.put("kdf.logins", "24");
    DEFAULTS.put("pairs", "500");
    DEFAULTS.put("rates", "500,1000,2000,3000,5000");
    DEFAULTS.put("step.seconds", "20");
    DEFAULTS.put("warmup.seconds", "150");
    DEFAULTS.put("warmup.rate", "150");
    DEFAULTS.put("warmup.max.seconds", "600");
    DEFAULTS.put("warmup.jit.pct", "10");
    DEFAULTS.put("drain.seconds", "30");
    DEFAULTS.put("rooms", "5000,10000");
    DEFAULTS.put("room.messages", "6");
    DEFAULTS.put("room.interval.ms", "1000");
    DEFAULTS.put("fanout.members", "1000");
    DEFAULTS.put("fanout.messages", "200");
    DEFAULTS.put("fanout.window", "10");
    DEFAULTS.put("polling.clients", "5000");
    DEFAULTS.put("polling.interval.ms", "2000");
    DEFAULTS.put("polling.seconds", "30");
    DEFAULTS.put("polling.warmup.seconds", "60");
    DEFAULTS.put("upload.files", "50");
    DEFAULTS.put("upload.mb", "5");
    DEFAULTS.put("upload.retry.ms", "500");
    DEFAULTS.put("upload.heap.sample.ms", "2000");
    DEFAULTS.put("search.messages", "1000000");
    DEFAULTS.put("search.queries", "500");
    DEFAULTS.put("search.people", "50");
    DEFAULTS.put("search.warmup.max", "1000");
    DEFAULTS.put("ear", "bench/target/consultchat.ear");
    DEFAULTS.put("server.cli", "");
    DEFAULTS.put(
        "server.jvm",
        "-Xms1g -Xmx1g -XX:+AlwaysPreTouch -XX:NativeMemoryTracking=summary -XX:MetaspaceSize=96m -XX:MaxMetaspaceSize=512m");
    DEFAULTS.put("agent.jvm", "-Xms512m -Xmx2g");
    DEFAULTS.put("bare.port", "8390");
    DEFAULTS.put("peer.port", "5290");
    DEFAULTS.put("heartbeat.seconds", "25");
    DEFAULTS.put("quiet.wait.seconds", "120");
    DEFAULTS.put("jfr", "false");
    // The two-node scenario: more sockets than one node may hold, and its own offered rates and
    // rooms, which the other scenarios' options do not change.
    DEFAULTS.put("cluster.sockets", "30000");
    DEFAULTS.put("cluster.rates", "250,500,1000");
    DEFAULTS.put("cluster.rooms", "2000");
    DEFAULTS.put("cluster.offsets", "300,500");
  }

  /** What {@code all} (or no scenario named) runs. */
  static final List<String> SCENARIOS =
      List.of(
          "hold",
          "one-to-one",
          "room",
          "polling",
          "login-flood",
          "upload",
          "search",
          "baseline",
          "cluster");

  /** Run only when named: it needs Debian's ejabberd package on the machine. */
  static final String PEER = "peer";

  final Map<String, String> values = new LinkedHashMap<>(DEFAULTS);
  final List<String> scenarios;

  private Options(List<String> scenarios) {
    this.scenarios = scenarios;
  }

  static Options parse(String[] args) {
    List<String> named =
        Arrays.stream(args)
            .filter(a -> !a.startsWith("--"))
            .flatMap(a -> Arrays.stream(a.split(",")))
            .filter(a -> !a.isBlank())
            .toList();
    List<String> chosen =
        new ArrayList<>(named.isEmpty() || named.contains("all") ? SCENARIOS : List.of());
    named.stream().filter(n -> !n.equals("all") && !chosen.contains(n)).forEach(chosen::add);
    Options options = new Options(List.copyOf(chosen));
    for (String scenario : options.scenarios) {
      if (!SCENARIOS.contains(scenario) && !scenario.equals(PEER)) {
        throw new IllegalArgumentException(
            "Unknown scenario " + scenario + "; use " + SCENARIOS + " or " + PEER);
      }
    }
    for (String arg : args) {
      if (arg.startsWith("--")) {
        int eq = arg.indexOf('=');
        String name = arg.substring(2, eq < 0 ? arg.length() : eq);
        if (!DEFAULTS.containsKey(name)) {
          throw new IllegalArgumentException(
              "Unknown option --" + name + "; known: " + DEFAULTS.keySet());
        }
        options.values.put(name, eq < 0 ? "true" : arg.substring(eq + 1));
      }
    }
    return options;
  }

  /**
   * These options as the two-node scenario uses them: its hold, one-to-one and room, sized by the
   * {@code cluster.*} options.
   */
  Options forCluster() {
    Options cluster = new Options(List.of("hold", "one-to-one", "room"));
    cluster.values.putAll(values);
    cluster.values.put("hold.sockets", text("cluster.sockets"));
    cluster.values.put("hold.warmup", "0");
    cluster.values.put("rates", text("cluster.rates"));
    cluster.values.put("rooms", text("cluster.rooms"));
    // Pairs are seeded for one-to-one only: no pollers or uploads run on the two nodes.
    cluster.values.put("polling.clients", "0");
    cluster.values.put("upload.files", "0");
    return cluster;
  }

  boolean runs(String scenario) {
    return scenarios.contains(scenario);
  }

  int integer(String name) {
    return Integer.parseInt(values.get(name));
  }

  String text(String name) {
    return values.get(name);
  }

  List<Integer> integers(String name) {
    return Arrays.stream(values.get(name).split(","))
        .map(String::strip)
        .map(Integer::parseInt)
        .toList();
  }

  /**
   * The size of the peer scenario's room: 5,000 when {@code rooms} lists it, the size the issue
   * compares, else the first listed (so a small run stays small).
   */
  int peerRoom() {
    List<Integer> rooms = integers("rooms");
    return rooms.contains(5000) ? 5000 : rooms.get(0);
  }

  /** How many pair conversations to seed: one-to-one's pairs, and one per two polling clients. */
  int pairConversations() {
    return Math.max(
        Math.max(integer("pairs"), (integer("polling.clients") + 1) / 2),
        (integer("upload.files") + 1) / 2);
  }

  /** How many accounts the chosen scenarios need. */
  int accounts() {
    int needed = 2 * integer("pairs");
    if (runs("polling")) {
      needed = Math.max(needed, integer("polling.clients"));
    }
    needed = Math.max(needed, integer("fanout.members"));
    needed = Math.max(needed, integer("upload.files"));
    for (int room : integers("rooms")) {
      needed = Math.max(needed, room);
    }
    if (runs("hold")) {
      needed = Math.max(needed, integer("hold.sockets") + integer("hold.warmup"));
    }
    if (runs("login-flood")) {
      needed = Math.max(needed, integer("flood.sockets"));
    }
    if (runs("search")) {
      needed = Math.max(needed, integer("search.people"));
    }
    return needed;
  }
}
