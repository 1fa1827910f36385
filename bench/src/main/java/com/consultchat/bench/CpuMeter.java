package com.consultchat.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU used during a step by the server, PostgreSQL, the client JVMs and the whole machine, in
 * percent of one core (this machine has {@link Runtime#availableProcessors()} of them). The server
 * is every JVM of the server under test (the nodes of a cluster); its threads are the first's.
 */
final class CpuMeter {

  private final long server;
  private final List<Long> servers;
  private final List<Long> clients;
  private final long nanos = System.nanoTime();
  private final long serverTicks;
  private final long serverSystemTicks;
  private final long postgresTicks;
  private final long clientTicks;
  private final long[] machine;
  private final Map<String, ThreadCpu.Sample> serverThreads;

  CpuMeter(List<Long> servers, List<Long> clients) {
    this.server = servers.get(0);
    this.servers = servers;
    this.clients = clients;
    this.serverTicks = ticks(servers);
    this.serverSystemTicks = servers.stream().mapToLong(Probe::systemTicks).sum();
    this.postgresTicks = Probe.cpuTicksOf("postgres");
    this.clientTicks = clients.stream().mapToLong(Probe::cpuTicks).sum();
    this.machine = Probe.machineTicks();
    this.serverThreads = ThreadCpu.snapshot(server);
  }

  Map<String, Object> since() {
    double seconds = (System.nanoTime() - nanos) / 1e9;
    long[] now = Probe.machineTicks();
    Map<String, Object> used = new LinkedHashMap<>();
    used.put("server_pct", percent(ticks(servers) - serverTicks, seconds));
    used.put(
        "server_kernel_pct",
        percent(servers.stream().mapToLong(Probe::systemTicks).sum() - serverSystemTicks, seconds));
    used.put("postgres_pct", percent(Probe.cpuTicksOf("postgres") - postgresTicks, seconds));
    used.put(
        "clients_pct",
        percent(clients.stream().mapToLong(Probe::cpuTicks).sum() - clientTicks, seconds));
    long total = now[1] - machine[1];
    long machinePct =
        total == 0
            ? 0
            : Math.round(
                100.0 * (now[0] - machine[0]) / total * Runtime.getRuntime().availableProcessors());
    used.put("machine_pct", machinePct);
    long measured =
        (long) used.get("server_pct")
            + (long) used.get("postgres_pct")
            + (long) used.get("clients_pct");
    used.put("other_processes_pct", Math.max(0, machinePct - measured));
    used.put(
        "server_threads_pct",
        ThreadCpu.percent(serverThreads, ThreadCpu.snapshot(server), seconds));
    return used;
  }

  private static long ticks(List<Long> pids) {
    return pids.stream().mapToLong(Probe::cpuTicks).sum();
  }

  private static long percent(long ticks, double seconds) {
    return Math.round(100.0 * ticks / Probe.TICKS_PER_SECOND / seconds);
  }
}
