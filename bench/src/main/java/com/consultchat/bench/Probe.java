package com.consultchat.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** What the harness reads from the processes it measures: live heap, RSS, CPU time, JFR. */
final class Probe {

  /** Linux reports CPU time in clock ticks of 1/100 s. */
  static final double TICKS_PER_SECOND = 100.0;

  private Probe() {}

  /** Live heap after a full collection, and its biggest classes: {instances, bytes} by class. */
  record Heap(long bytes, Map<String, long[]> classes) {}

  static Heap heapAfterGc(long pid) {
    String histogram = jcmd(pid, "GC.class_histogram");
    Map<String, long[]> classes = new LinkedHashMap<>();
    long total = 0;
    for (String line : histogram.split("\n")) {
      String[] words = line.strip().split("\\s+");
      if (words.length >= 3 && words[0].equals("Total")) {
        total = Long.parseLong(words[2]);
      } else if (words.length >= 4 && words[0].endsWith(":")) {
        classes.put(words[3], new long[] {Long.parseLong(words[1]), Long.parseLong(words[2])});
      }
    }
    return new Heap(total, classes);
  }

  static long rssBytes(long pid) {
    for (String line : read(Path.of("/proc", Long.toString(pid), "status")).split("\n")) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
      }
    }
    return 0;
  }

  /** User plus system CPU ticks of one process; 0 if it is gone. */
  static long cpuTicks(long pid) {
    return cpuTicks(pid, Path.of("/proc", Long.toString(pid), "stat"));
  }

  /** User plus system ticks from a /proc stat file (of a process or of one of its threads). */
  static long cpuTicks(long pid, Path statFile) {
    String stat = read(statFile);
    if (stat.isEmpty()) {
      return 0;
    }
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /** System (kernel) CPU ticks of one process: system calls, network, futexes. */
  static long systemTicks(long pid) {
    String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
    if (stat.isEmpty()) {
      return 0;
    }
    return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[12]);
  }

  /** CPU ticks of every process with the given command name, such as all PostgreSQL backends. */
  static long cpuTicksOf(String command) {
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      return processes
          .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .filter(p -> read(p.resolve("comm")).strip().equals(command))
          .mapToLong(p -> cpuTicks(Long.parseLong(p.getFileName().toString())))
          .sum();
    } catch (IOException e) {
      return 0;
    }
  }

  /** {busy, total} ticks of the whole machine. */
  static long[] machineTicks() {
    String[] fields = read(Path.of("/proc/stat")).split("\n")[0].split("\\s+");
    long total = 0;
    for (int i = 1; i < fields.length; i++) {
      total += Long.parseLong(fields[i]);
    }
    long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
    return new long[] {total - idle, total};
  }

  /** Starts native memory accounting from now, if the JVM tracks native memory. */
  static void nativeBaseline(long pid) {
    jcmd(pid, "VM.native_memory", "baseline");
  }

  /** Committed native memory gained since the baseline, in KB by category (largest first). */
  static Map<String, Long> nativeGrowth(long pid) {
    Map<String, Long> growth = new LinkedHashMap<>();
    Matcher line = NMT_LINE.matcher(jcmd(pid, "VM.native_memory", "summary.diff"));
    while (line.find()) {
      if (line.group(2) != null) {
        growth.put(line.group(1).strip(), Long.parseLong(line.group(2)));
      }
    }
    Map<String, Long> sorted = new LinkedHashMap<>();
    growth.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  private static final Pattern NMT_LINE =
      Pattern.compile(
          "-\\s+([A-Za-z][^(\\n]*?) \\(reserved=\\d+KB(?: [+-]\\d+KB)?, committed=\\d+KB(?: ([+-]\\d+)KB)?\\)");

  static void jfrStart(long pid, String name) {
    jcmd(pid, "JFR.start", "name=" + name, "settings=profile");
  }

  static void jfrStop(long pid, String name, Path file) {
    jcmd(pid, "JFR.stop", "name=" + name, "filename=" + file.toAbsolutePath());
  }

  static String jcmd(long pid, String... command) {
    List<String> line = new ArrayList<>();
    line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
    line.add(Long.toString(pid));
    line.addAll(List.of(command));
    try {
      Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("jcmd " + String.join(" ", command) + " hung");
      }
      return new String(output, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("jcmd failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      return "";
    }
  }
}
