package com.consultchat.bench;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The machine the figures were measured on. */
final class Machine {

  private Machine() {}

  static Map<String, Object> describe() {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cpu", field(Probe.read(Path.of("/proc/cpuinfo")), "model name"));
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put(
        "memory_gb",
        Math.round(kb(field(Probe.read(Path.of("/proc/meminfo")), "MemTotal")) / 1024.0 / 1024));
    machine.put(
        "open_files_per_process",
        field(Probe.read(Path.of("/proc/self/limits")), "Max open files"));
    machine.put("kernel", Probe.read(Path.of("/proc/sys/kernel/osrelease")).strip());
    machine.put(
        "java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    try {
      machine.put("postgresql", BenchDatabase.version());
    } catch (java.sql.SQLException e) {
      machine.put("postgresql", "unreachable: " + e.getMessage());
    }
    machine.put("server", "WildFly 39.0.1.Final (Undertow 2.3.23.Final) on the same machine");
    machine.put("load generator", "client JVMs (JDK HttpClient and WebSocket) on the same machine");
    return machine;
  }

  private static String field(String text, String name) {
    for (String line : text.split("\n")) {
      if (line.startsWith(name)) {
        String value = line.substring(name.length()).replaceFirst("^\\s*:?\\s*", "").strip();
        return value.replaceAll("\\s+", " ");
      }
    }
    return "unknown";
  }

  private static long kb(String value) {
    return Long.parseLong(value.replaceAll("\\D", ""));
  }
}
