package com.consultchat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU ticks of a process by thread group (thread names with their numbers removed), so CPU that
 * sampling profilers do not see (JIT compilers, GC, code in native methods) is accounted for.
 */
final class ThreadCpu {

  private ThreadCpu() {}

  static Map<String, Long> ticksByGroup(long pid) {
    Map<String, Long> groups = new HashMap<>();
    try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path thread : threads.toList()) {
        String name = Probe.read(thread.resolve("comm")).strip().replaceAll("\\d+", "N");
        long ticks = Probe.cpuTicks(pid, thread.resolve("stat"));
        groups.merge(name, ticks, Long::sum);
      }
    } catch (IOException gone) {
      return groups;
    }
    return groups;
  }

  /** Percent of one core per thread group between two snapshots, largest first. */
  static Map<String, Object> percent(
      Map<String, Long> before, Map<String, Long> after, double seconds) {
    Map<String, Long> used = new HashMap<>();
    after.forEach((group, ticks) -> used.put(group, ticks - before.getOrDefault(group, 0L)));
    Map<String, Object> sorted = new LinkedHashMap<>();
    used.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(10)
        .forEach(
            e ->
                sorted.put(
                    e.getKey(),
                    Math.round(100.0 * e.getValue() / Probe.TICKS_PER_SECOND / seconds)));
    return sorted;
  }
}
