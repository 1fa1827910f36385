package com.consultchat.bench;

import static com.consultchat.bench.Targets.map;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The benchmark run: a WildFly of its own with ConsultChat and database consultchat_bench, client
 * JVMs, the chosen scenarios, then the same against a bare Undertow endpoint and against ejabberd
 * (the peer); the report goes to bench/target/bench. Everything started is stopped at the end, also
 * on failure or Ctrl-C.
 */
public final class Bench {

  private final Options options;
  private final Path module;
  private final Path output;
  private final Report report;
  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final List<Map<String, Object>> integrity = new ArrayList<>();

  private Bench(Options options, Path module) {
    this.options = options;
    this.module = module;
    this.output = module.resolve("target/bench");
    this.report = new Report(output);
  }

  public static void main(String[] args) throws Exception {
    Bench bench =
        new Bench(Options.parse(args), Path.of(System.getProperty("bench.module", "bench")));
    Runtime.getRuntime().addShutdownHook(new Thread(bench::stopAll));
    try {
      bench.run();
    } finally {
      bench.stopAll();
    }
    System.exit(0);
  }

  private void run() throws Exception {
    Files.createDirectories(output);
    try (var old = Files.list(output)) {
      for (Path file : old.toList()) {
        Files.deleteIfExists(file);
      }
    }
    long began = System.nanoTime();
    report.run.put("started", Instant.now().toString());
    report.run.putAll(Machine.describe());
    report.run.put("scenarios", options.scenarios);
    report.run.put("options", options.values);
    Targets targets = new Targets(report);
    Sections sections = new Sections(report);
    Map<String, Object> hold = null;
    Map<String, Object> oneToOne = null;
    Map<String, Object> room = null;
    Map<String, Object> flood = null;
    Map<String, Object> upload = null;
    Map<String, Object> search = null;
    if (options.runs(Options.PEER)) {
      Ejabberd.requireInstalled();
    }
    boolean consultchat =
        options.scenarios.stream()
            .anyMatch(s -> !List.of("baseline", "cluster", Options.PEER).contains(s));
    if (consultchat) {
      Harness h = consultChat();
      if (options.runs("hold")) {
        hold = scenario("hold", new HoldScenario(h).run());
      }
      if (options.runs("one-to-one")) {
        oneToOne = scenario("one-to-one", new OneToOneScenario(h).run());
        integrity.addAll(steps(oneToOne));
      }
      if (options.runs("room")) {
        room = scenario("room", new RoomScenario(h).run());
        integrity.addAll(rooms(room));
      }
      if (options.runs("polling")) {
        scenario("polling", PollingScenario.run(h));
      }
      if (options.runs("login-flood")) {
        flood = scenario("login-flood", new LoginFloodScenario(h).run());
      }
      if (options.runs("upload")) {
        upload = scenario("upload", new UploadScenario(h).run());
      }
      if (options.runs("search")) {
        // Last: a million stored messages would change what the scenarios before measure.
        search = scenario("search", new SearchScenario(h).run());
      }
      stopAll();
    }
    Map<String, Object> cluster = null;
    if (options.runs("cluster")) {
      cluster = scenario("cluster", new ClusterScenario(cluster(options.forCluster())).run());
      integrity.addAll(steps(map(cluster, "one_to_one")));
      integrity.addAll(rooms(map(cluster, "rooms")));
      stopAll();
    }
    Map<String, Object> bareHold = null;
    Map<String, Object> bareOneToOne = null;
    Map<String, Object> bareRoom = null;
    if (options.runs("baseline")) {
      Harness h = bare();
      bareHold = scenario("baseline-hold", new HoldScenario(h).run());
      bareOneToOne = scenario("baseline-one-to-one", new OneToOneScenario(h).run());
      bareRoom = scenario("baseline-room", new RoomScenario(h).run());
      stopAll();
    }
    Map<String, Object> peer = null;
    Map<String, Object> peerRoom = null;
    if (options.runs(Options.PEER)) {
      int members = options.peerRoom();
      Harness h = ejabberd(members);
      peer =
          scenario(
              "peer-one-to-one",
              new OneToOneScenario(h, "archived_rows", EjabberdDatabase::archivedRows).run());
      peer.put("ejabberd", Ejabberd.version());
      Map<String, Object> result = new RoomScenario(h).runRoom(members);
      result.put("ejabberd", peer.get("ejabberd"));
      result.put("archived_rows", EjabberdDatabase.archivedRoomMessages());
      peerRoom = scenario("peer-room", result);
      stopAll();
    }
    targets.hold(hold);
    targets.cluster(cluster, oneToOne);
    targets.oneToOne(oneToOne);
    targets.rooms(room);
    targets.fanoutRatio(room, bareRoom);
    targets.peerRatio(oneToOne, peer);
    targets.peerRoomRatio(options.peerRoom(), room, peerRoom);
    targets.loginFlood(flood);
    SearchScenario.check(report, search);
    if (!integrity.isEmpty()) {
      targets.integrity(integrity);
    }
    sections.hold(hold, bareHold);
    if (oneToOne != null || bareOneToOne != null || peer != null) {
      sections.oneToOne(oneToOne, bareOneToOne, peer);
    }
    if (room != null || bareRoom != null || peerRoom != null) {
      sections.rooms(room, bareRoom, peerRoom);
    }
    if (flood != null) {
      report.section(
          "Login flood: sockets pinging while wrong passwords pour in",
          LoginFloodScenario.section(flood));
    }
    if (upload != null) {
      report.section(
          "Uploads: files streamed into the database at once", UploadScenario.section(upload));
    }
    if (search != null) {
      report.section("Search: full text over stored messages", SearchScenario.section(search));
    }
    if (cluster != null) {
      report.section(
          "Two nodes: a cluster on this machine", ClusterScenario.section(cluster, oneToOne));
    }
    report.run.put("minutes", Math.round((System.nanoTime() - began) / 6e9) / 10.0);
    String summary = report.write();
    // The figures are the command's output, printed for the person who ran it (not log records).
    System.out.println(summary);
    System.out.println(
        "Report: " + output.resolve("summary.md") + " and " + output.resolve("results.json"));
  }

  private Harness consultChat() throws Exception {
    log("Recreating database consultchat_bench and starting WildFly at port offset 300...");
    BenchDatabase.recreate();
    Path home = module.resolve("target/wildfly-39.0.1.Final");
    if (!options.text("server.cli").isEmpty()) {
      WildFly.configure(
          home, Path.of(options.text("server.cli")), output.resolve("server-cli.log"));
    }
    WildFly server =
        WildFly.start(
            home,
            Path.of(options.text("ear")),
            options.text("server.jvm"),
            output.resolve("wildfly-console.log"));
    started.push(server);
    log("ConsultChat is deployed; seeding " + options.accounts() + " people and conversations...");
    seed(options);
    Harness h = new Harness(options, report, output, agents());
    h.target(
        new Harness.Target("ConsultChat", server.pid(), false),
        "wildfly " + WildFly.applicationUrl() + " " + WildFly.socketUrl() + " " + WildFly.origin());
    return h;
  }

  /** The people, their pair conversations and the rooms every scenario of a run works on. */
  private static void seed(Options options) throws SQLException {
    BenchDatabase.seedAccounts(options.accounts(), options.integer("kdf.logins"));
    BenchDatabase.seedPairs(options.pairConversations());
    List<Integer> rooms = new ArrayList<>(options.integers("rooms"));
    rooms.add(options.integer("fanout.members"));
    BenchDatabase.seedRooms(rooms);
  }

  /** Two nodes of a cluster (consultchat-ha.xml), each in its own JVM, on the bench database. */
  private Harness cluster(Options two) throws Exception {
    List<Integer> offsets = two.integers("cluster.offsets");
    log(
        "Recreating database consultchat_bench and starting two nodes at offsets "
            + offsets
            + "...");
    BenchDatabase.recreate();
    Path home = module.resolve("target/wildfly-39.0.1.Final");
    List<WildFly> nodes = new ArrayList<>();
    for (int i = 0; i < offsets.size(); i++) {
      String name = "bench-node-" + (i + 1);
      WildFly node =
          WildFly.startNode(
              home,
              module.resolve("target/cluster/" + name),
              Path.of(two.text("ear")),
              two.text("server.jvm"),
              output.resolve(name + "-console.log"),
              name,
              offsets.get(i),
              offsets);
      started.push(node);
      nodes.add(node);
    }
    log("Both nodes are up; seeding " + two.accounts() + " people and conversations...");
    seed(two);
    Harness h = new Harness(two, report, output, agents());
    List<String> sockets = offsets.stream().map(WildFly::socketUrl).toList();
    h.target(
        new Harness.Target(
            "ConsultChat, two nodes",
            nodes.get(0).pid(),
            false,
            true,
            nodes.stream().skip(1).map(WildFly::pid).toList()),
        "wildfly "
            + WildFly.applicationUrl(offsets.get(0))
            + " "
            + String.join("|", sockets)
            + " "
            + WildFly.origin(offsets.get(0)));
    return h;
  }

  private Harness bare() throws IOException {
    int port = options.integer("bare.port");
    log("Starting the bare Undertow baseline on port " + port + "...");
    AgentProcess server =
        AgentProcess.start(
            "bare-undertow",
            options.text("server.jvm"),
            output.resolve("bare-undertow.log"),
            BareServer.class.getName(),
            Integer.toString(port),
            "4",
            "32");
    started.push(server);
    server.readLine(60);
    Harness h = new Harness(options, report, output, agents());
    h.target(
        new Harness.Target("bare Undertow", server.pid(), true),
        "bare - ws://127.0.0.1:" + port + "/bench/chat -");
    return h;
  }

  /** ejabberd with its accounts, and the room of {@code members} created before any step. */
  private Harness ejabberd(int members) throws Exception {
    int port = options.integer("peer.port");
    log(
        "Recreating database "
            + Ejabberd.DATABASE
            + " and starting ejabberd on port "
            + port
            + "...");
    EjabberdDatabase.recreate();
    EjabberdDatabase.seedAccounts(Math.max(2 * options.integer("pairs"), members));
    Ejabberd server =
        Ejabberd.start(
            module.resolve("target/ejabberd"),
            port,
            members,
            output.resolve("ejabberd-console.log"));
    started.push(server);
    server.createRoom(XmppRoomSocket.name(BenchDatabase.roomId(members)));
    Harness h = new Harness(options, report, output, agents());
    h.target(
        new Harness.Target("ejabberd", server.pid(), true, false),
        "xmpp " + Ejabberd.DOMAIN + " " + server.socketUrl() + " -");
    return h;
  }

  private List<AgentProcess> agents() throws IOException {
    int count = options.integer("agents");
    List<AgentProcess> agents = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      AgentProcess agent =
          AgentProcess.start(
              "client-" + i,
              options.text("agent.jvm"),
              output.resolve("client-" + i + ".log"),
              Agent.class.getName(),
              Long.toString(BenchDatabase.ACCOUNT_BASE),
              Integer.toString(i),
              Integer.toString(count),
              options.text("heartbeat.seconds"));
      started.push(agent);
      agents.add(agent);
    }
    return agents;
  }

  private Map<String, Object> scenario(String name, Map<String, Object> result) {
    log("Finished " + name + ".");
    report.scenario(name, result);
    return result;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> steps(Map<String, Object> oneToOne) {
    return (List<Map<String, Object>>) oneToOne.get("steps");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> rooms(Map<String, Object> room) {
    List<Map<String, Object>> all = new ArrayList<>((List<Map<String, Object>>) room.get("rooms"));
    all.add((Map<String, Object>) room.get("fanout"));
    return all;
  }

  private synchronized void stopAll() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        log("Could not stop cleanly: " + e);
      }
    }
  }

  /** Progress for the person at the terminal; run-bench.sh also keeps it in its own log. */
  static void log(String line) {
    System.out.println("[bench] " + line);
  }
}
