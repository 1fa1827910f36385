package com.consultchat.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A client JVM. It reads one command per line from the harness, runs it, and answers with one line:
 * {@code = key=value ...} or {@code ! reason}. Its sockets and sessions live across commands, so
 * people log in once and scenarios reuse them.
 */
public final class Agent {

  private static final System.Logger LOG = System.getLogger(Agent.class.getName());

  final HttpClient http;
  final List<BenchSocket> sockets = new ArrayList<>();
  final long accountBase;
  final int agentNumber;
  final int agentCount;
  volatile Traffic traffic = new Traffic(false);
  Target target;
  Logins logins;

  /**
   * The server the sockets talk to: kind {@code wildfly}, {@code bare} or {@code xmpp}; for {@code
   * xmpp} (the peer server) the application URL is the XMPP domain, and there is no origin. For a
   * cluster the socket URL names every node; logins go to the first, whose sessions all share.
   */
  record Target(String kind, String applicationUrl, String socketUrl, String origin) {
    boolean bare() {
      return kind.equals("bare");
    }

    boolean xmpp() {
      return kind.equals("xmpp");
    }
  }

  Agent(long accountBase, int agentNumber, int agentCount, int heartbeatSeconds) {
    this.accountBase = accountBase;
    this.agentNumber = agentNumber;
    this.agentCount = agentCount;
    startHeartbeats(heartbeatSeconds);
    ExecutorService callbacks =
        Executors.newFixedThreadPool(
            3,
            task -> {
              Thread thread = new Thread(task, "agent-callback");
              thread.setDaemon(true);
              return thread;
            });
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(30))
            .executor(callbacks)
            .build();
  }

  public static void main(String[] args) throws Exception {
    Agent agent =
        new Agent(
            Long.parseLong(args[0]),
            Integer.parseInt(args[1]),
            Integer.parseInt(args[2]),
            Integer.parseInt(args[3]));
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    System.setOut(System.err);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      String[] words = line.strip().split("\\s+");
      if (words[0].equals("quit")) {
        break;
      }
      try {
        out.println("= " + agent.run(words));
      } catch (RuntimeException | InterruptedException failure) {
        LOG.log(System.Logger.Level.ERROR, "Command failed: " + line, failure);
        out.println("! " + failure.toString().replace('\n', ' '));
      }
    }
    synchronized (agent.sockets) {
      agent.sockets.stream().filter(s -> s.socket() != null).forEach(s -> s.socket().abort());
    }
    System.exit(0);
  }

  String run(String[] words) throws InterruptedException {
    Driver driver = new Driver(this);
    Load load = new Load(this);
    Flood flood = new Flood(this);
    return switch (words[0]) {
      case "target" -> {
        target = new Target(words[1], words[2], words[3], words[4]);
        logins = new Logins(http, target.applicationUrl());
        yield "target=" + target.kind();
      }
      case "login" -> driver.login(words[1], i(words[2]), i(words[3]), i(words[4]));
      case "open" -> driver.open(i(words[1]), i(words[2]), i(words[3]), words[4], l(words[5]));
      case "count" -> driver.count();
      case "close" -> driver.close();
      case "reset" -> {
        traffic = new Traffic(words.length > 1 && words[1].equals("messages"));
        sockets.forEach(BenchSocket::resetTracking);
        yield "reset=ok";
      }
      case "drive" -> load.drive(Double.parseDouble(words[1]), i(words[2]), i(words[3]));
      case "expect" -> load.expect(i(words[1]));
      case "send" -> load.send(i(words[1]), i(words[2]), i(words[3]), i(words[4]), i(words[5]));
      case "await" -> load.await(i(words[1]));
      case "verify" -> driver.verify(l(words[1]), l(words[2]));
      case "pings" -> flood.pings(i(words[1]), i(words[2]));
      case "guesses" -> flood.guesses(i(words[1]), i(words[2]));
      case "upload" ->
          new Uploads(this).upload(i(words[1]), i(words[2]), i(words[3]), l(words[4]), i(words[5]));
      case "poll" ->
          driver.poll(i(words[1]), i(words[2]), i(words[3]), i(words[4]), l(words[5]), i(words[6]));
      default -> throw new IllegalArgumentException("unknown command " + words[0]);
    };
  }

  /**
   * Browsers send a ping every {@code seconds} and the server closes sockets silent for longer than
   * its idle limit; so do these clients, each socket in its own second of the period.
   */
  private void startHeartbeats(int seconds) {
    ScheduledExecutorService heartbeat =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "agent-heartbeat");
              thread.setDaemon(true);
              return thread;
            });
    long[] tick = {0};
    heartbeat.scheduleAtFixedRate(
        () -> {
          int phase = (int) (tick[0]++ % seconds);
          synchronized (sockets) {
            for (int i = phase; i < sockets.size(); i += seconds) {
              sockets.get(i).ping();
            }
          }
        },
        1,
        1,
        TimeUnit.SECONDS);
  }

  /** Accounts are dealt out two by two, so both people of a pair are always in the same JVM. */
  boolean owns(int index) {
    return (index / 2) % agentCount == agentNumber;
  }

  URI socketUri(long account, long conversation) {
    if (target.bare()) {
      return URI.create(target.socketUrl() + "?me=" + account + "&conversation=" + conversation);
    }
    // A cluster's nodes, separated by '|': people take turns, so the two of a pair (consecutive
    // accounts) are on different nodes and a room's members are split between them.
    String[] nodes = target.socketUrl().split("\\|");
    return URI.create(nodes[(int) Math.floorMod(account, (long) nodes.length)]);
  }

  private static int i(String word) {
    return Integer.parseInt(word);
  }

  private static long l(String word) {
    return Long.parseLong(word);
  }
}
