package com.consultchat.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * What a scenario works with: the options, the report, the client JVMs, and the server under test
 * (ConsultChat on WildFly, or the bare Undertow baseline).
 */
final class Harness {

  final Options options;
  final Report report;
  final Path output;
  final List<AgentProcess> agents;
  private Target target;

  /**
   * The server under test; {@code bare} when it is not ConsultChat (no login, no ConsultChat
   * database, no JFR), {@code acks} when it acknowledges each message to its sender; {@code
   * otherNodes}, the JVMs of a cluster's other nodes (the profile is the first node's).
   */
  record Target(String name, long pid, boolean bare, boolean acks, List<Long> otherNodes) {
    Target(String name, long pid, boolean bare) {
      this(name, pid, bare, true, List.of());
    }

    Target(String name, long pid, boolean bare, boolean acks) {
      this(name, pid, bare, acks, List.of());
    }

    List<Long> pids() {
      List<Long> all = new ArrayList<>(List.of(pid));
      all.addAll(otherNodes);
      return all;
    }

    /** Fails the run rather than report figures of a server that is gone. */
    void requireAlive() {
      for (long each : pids()) {
        if (!ProcessHandle.of(each).map(ProcessHandle::isAlive).orElse(false)) {
          throw new IllegalStateException(
              name + " (pid " + each + ") is no longer running; see its log");
        }
      }
    }
  }

  Harness(Options options, Report report, Path output, List<AgentProcess> agents) {
    this.options = options;
    this.report = report;
    this.output = output;
    this.agents = agents;
  }

  void target(Target target, String agentTarget) {
    this.target = target;
    all("target " + agentTarget, 30);
  }

  Target target() {
    return target;
  }

  /** Runs the command on every client JVM at once and returns their answers. */
  List<Reply> all(String command, long timeoutSeconds) {
    List<CompletableFuture<Reply>> answers = new ArrayList<>();
    for (AgentProcess agent : agents) {
      answers.add(CompletableFuture.supplyAsync(() -> agent.call(command, timeoutSeconds)));
    }
    return answers.stream().map(CompletableFuture::join).toList();
  }

  Reply first(String command, long timeoutSeconds) {
    return agents.get(0).call(command, timeoutSeconds);
  }

  List<Long> clientPids() {
    return agents.stream().map(AgentProcess::pid).toList();
  }

  CpuMeter cpu() {
    return new CpuMeter(target.pids(), clientPids());
  }

  /** Logs in benchmark people {@code 0..count-1} who have no session yet; returns the answers. */
  List<Reply> logIn(int count) {
    int concurrency = options.integer("login.concurrency");
    return all("login bench 0 " + count + " " + concurrency, 1800);
  }

  /**
   * Runs the work under a JFR recording of the server when this is ConsultChat and profiling is on;
   * the summary goes into {@code into} under "profile".
   */
  <T> T profiled(String name, Map<String, Object> into, Supplier<T> work) {
    boolean record = !target.bare() && Boolean.parseBoolean(options.text("jfr"));
    target.requireAlive();
    if (record) {
      Probe.jfrStart(target.pid(), name);
    }
    try {
      T result = work.get();
      target.requireAlive();
      return result;
    } finally {
      if (record && ProcessHandle.of(target.pid()).isPresent()) {
        Path file = output.resolve(name + ".jfr");
        Probe.jfrStop(target.pid(), name, file);
        into.put("profile", JfrSummary.of(file));
      }
    }
  }

  /**
   * Waits, at most {@code maxSeconds}, until processes other than the ones measured use less than a
   * quarter of a core, so another user's work on this shared machine does not land in a figure.
   * Returns the seconds waited; the CPU of other processes is reported with every step anyway.
   */
  long awaitQuiet(int maxSeconds) {
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(maxSeconds);
    while (true) {
      CpuMeter meter = cpu();
      LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(2));
      long other = (long) meter.since().get("other_processes_pct");
      if (other < 25 || System.nanoTime() > deadline) {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
      }
    }
  }

  static long sum(List<Reply> replies, String key) {
    return replies.stream().mapToLong(r -> r.number(key)).sum();
  }

  static long max(List<Reply> replies, String key) {
    return replies.stream().mapToLong(r -> r.number(key)).max().orElse(0);
  }

  static Histogram merged(List<Reply> replies, String key) {
    Histogram all = new Histogram();
    replies.forEach(r -> all.add(r.histogram(key)));
    return all;
  }
}
