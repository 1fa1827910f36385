package com.consultchat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU of a process by thread group (thread names with their numbers removed), so CPU that sampling
 * profilers do not see (JIT compilers, GC, code in native methods) is accounted for. Threads are
 * compared by id; a thread that ended between two snapshots drops out.
 */
final class ThreadCpu {

  record Sample(String group, long ticks) {}

  private ThreadCpu() {}

  static Map<String, Sample> snapshot(long pid) {
    Map<String, Sample> threads = new HashMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path thread : tasks.toList()) {
        String group = Probe.read(thread.resolve("comm")).strip().replaceAll("\\d+", "N");
        threads.put(
            thread.getFileName().toString(),
            new Sample(group, Probe.cpuTicks(pid, thread.resolve("stat"))));
      }
    } catch (IOException gone) {
      return threads;
    }
    return threads;
  }

  /** Percent of one core per thread group between two snapshots, largest first. */
  static Map<String, Object> percent(
      Map<String, Sample> before, Map<String, Sample> after, double seconds) {
    Map<String, Long> used = new HashMap<>();
    after.forEach(
        (tid, sample) -> {
          Sample earlier = before.get(tid);
          used.merge(
              sample.group(), sample.ticks() - (earlier == null ? 0 : earlier.ticks()), Long::sum);
        });
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
