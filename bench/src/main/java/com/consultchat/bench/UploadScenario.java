package com.consultchat.bench;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * N people send one file of M MB each, all at once. An upload streams into the database as it
 * arrives, so the server's live heap must not grow with the bytes in flight: it is taken after a
 * full collection before, repeatedly while the uploads run, and after; the goal is growth under 64
 * MB. The files are then counted in the database with their sizes and content bytes.
 */
final class UploadScenario {

  static final long HEAP_GOAL_BYTES = 64L * 1024 * 1024;

  private final Harness h;

  UploadScenario(Harness harness) {
    this.h = harness;
  }

  Map<String, Object> run() throws SQLException {
    int files = h.options.integer("upload.files");
    int bytes = h.options.integer("upload.mb") * 1024 * 1024;
    int sampleMs = h.options.integer("upload.heap.sample.ms");
    long pid = h.target().pid();
    long lastPair = BenchDatabase.PAIR_BASE + (files - 1) / 2;
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("files", files);
    result.put("bytes_each", bytes);
    h.logIn(files);
    long[] before = BenchDatabase.storedFiles(BenchDatabase.PAIR_BASE, lastPair);
    result.put("waited_for_quiet_machine_s", h.awaitQuiet(h.options.integer("quiet.wait.seconds")));
    long heapBefore = Probe.heapAfterGc(pid).bytes();

    AtomicBoolean running = new AtomicBoolean(true);
    AtomicLong peak = new AtomicLong(heapBefore);
    List<Long> samples = new ArrayList<>();
    CompletableFuture<Void> sampler =
        CompletableFuture.runAsync(
            () -> {
              while (sampleMs > 0 && running.get()) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(sampleMs));
                if (running.get()) {
                  long live = Probe.heapAfterGc(pid).bytes();
                  peak.accumulateAndGet(live, Math::max);
                  synchronized (samples) {
                    samples.add(live / (1024 * 1024));
                  }
                }
              }
            });
    CpuMeter cpu = h.cpu();
    List<Reply> replies;
    try {
      replies =
          h.profiled(
              "upload",
              result,
              () ->
                  h.all(
                      "upload 0 "
                          + files
                          + " "
                          + bytes
                          + " "
                          + BenchDatabase.PAIR_BASE
                          + " "
                          + h.options.integer("upload.retry.ms"),
                      900));
    } finally {
      running.set(false);
      sampler.join();
    }
    result.put("cpu", cpu.since());
    long heapAfter = Probe.heapAfterGc(pid).bytes();
    long[] after = BenchDatabase.storedFiles(BenchDatabase.PAIR_BASE, lastPair);

    long sent = Harness.sum(replies, "bytes");
    double seconds = Harness.max(replies, "micros") / 1e6;
    result.put("uploads", Harness.sum(replies, "uploads"));
    result.put("stored_answers", Harness.sum(replies, "stored"));
    result.put("failed", Harness.sum(replies, "failed"));
    result.put("busy_retries", Harness.sum(replies, "retries"));
    result.put("statuses", replies.stream().map(r -> r.text("statuses")).toList());
    result.put("seconds", Math.round(seconds * 100) / 100.0);
    result.put("mb_per_second", Math.round(sent / 1048576.0 / seconds * 10) / 10.0);
    result.put("upload_latency", Harness.merged(replies, "hist").summary());
    result.put("stored_files_in_db", after[0] - before[0]);
    result.put("stored_size_bytes_in_db", after[1] - before[1]);
    result.put("stored_content_bytes_in_db", after[2] - before[2]);
    result.put("heap_before_mb", mb(heapBefore));
    result.put("heap_peak_during_mb", mb(peak.get()));
    result.put("heap_after_mb", mb(heapAfter));
    result.put("heap_samples_during_mb", samples);
    long growth = Math.max(peak.get(), heapAfter) - heapBefore;
    result.put("heap_growth_mb", mb(growth));
    h.report.check(
        files + " concurrent uploads of " + bytes / 1048576 + " MB: live heap growth",
        "< 64 MB",
        mb(growth) + " MB (" + result.get("mb_per_second") + " MB/s)",
        growth < HEAP_GOAL_BYTES);
    h.report.check(
        "Uploads stored, with every byte",
        files + " files, " + (long) files * bytes + " bytes",
        result.get("stored_files_in_db")
            + " files, "
            + result.get("stored_content_bytes_in_db")
            + " bytes",
        after[0] - before[0] == files && after[2] - before[2] == (long) files * bytes);
    return result;
  }

  private static double mb(long bytes) {
    return Math.round(bytes / 1048576.0 * 10) / 10.0;
  }

  /** The summary's section. */
  static List<String> section(Map<String, Object> result) {
    List<String> md = new ArrayList<>();
    md.add(
        "| Uploads | MB/s | p50 / p99 per upload | busy answers retried | stored (files, bytes) | live heap before / peak during / after (MB) |");
    md.add("|---|---|---|---|---|---|");
    Map<String, Object> latency = Targets.map(result, "upload_latency");
    md.add(
        "| "
            + result.get("uploads")
            + " × "
            + (int) Targets.number(result, "bytes_each") / 1048576
            + " MB | "
            + result.get("mb_per_second")
            + " | "
            + latency.get("p50_ms")
            + " / "
            + latency.get("p99_ms")
            + " ms | "
            + result.get("busy_retries")
            + " | "
            + result.get("stored_files_in_db")
            + ", "
            + result.get("stored_content_bytes_in_db")
            + " | "
            + result.get("heap_before_mb")
            + " / "
            + result.get("heap_peak_during_mb")
            + " / "
            + result.get("heap_after_mb")
            + " |");
    md.add("");
    md.add("Server and clients: `" + result.get("cpu") + "`");
    return md;
  }
}
