package com.consultchat.bench;

import java.util.Locale;

/**
 * Latencies in microseconds, in buckets 2 % wide, so histograms from several client JVMs can be
 * added and percentiles read to within 2 %. The maximum is kept exactly.
 */
final class Histogram {

  private static final int LINEAR = 50;
  private static final double STEP = Math.log(1.02);
  private static final int SIZE = 1100;

  private final long[] counts = new long[SIZE];
  private long total;
  private long max;

  synchronized void record(long micros) {
    counts[index(Math.max(0, micros))]++;
    total++;
    max = Math.max(max, micros);
  }

  synchronized void add(Histogram other) {
    for (int i = 0; i < SIZE; i++) {
      counts[i] += other.counts[i];
    }
    total += other.total;
    max = Math.max(max, other.max);
  }

  synchronized long count() {
    return total;
  }

  synchronized long maxMicros() {
    return max;
  }

  /** The value below which {@code fraction} of the recorded values lie, in microseconds. */
  synchronized long percentile(double fraction) {
    if (total == 0) {
      return 0;
    }
    long wanted = (long) Math.ceil(fraction * total);
    long seen = 0;
    for (int i = 0; i < SIZE; i++) {
      seen += counts[i];
      if (seen >= wanted) {
        return Math.min(value(i), max);
      }
    }
    return max;
  }

  /** Compact text form for the agent protocol: {@code max/index:count,index:count...}. */
  synchronized String encode() {
    StringBuilder text = new StringBuilder().append(max).append('/');
    for (int i = 0; i < SIZE; i++) {
      if (counts[i] > 0) {
        text.append(i).append(':').append(counts[i]).append(',');
      }
    }
    return text.toString();
  }

  static Histogram decode(String text) {
    Histogram histogram = new Histogram();
    if (text == null || text.isEmpty()) {
      return histogram;
    }
    int slash = text.indexOf('/');
    histogram.max = Long.parseLong(text.substring(0, slash));
    for (String bucket : text.substring(slash + 1).split(",")) {
      if (!bucket.isEmpty()) {
        int colon = bucket.indexOf(':');
        long count = Long.parseLong(bucket.substring(colon + 1));
        histogram.counts[Integer.parseInt(bucket.substring(0, colon))] += count;
        histogram.total += count;
      }
    }
    return histogram;
  }

  /** p50, p90, p99, p99.9 and max in milliseconds, for reports. */
  synchronized java.util.Map<String, Object> summary() {
    java.util.Map<String, Object> summary = new java.util.LinkedHashMap<>();
    summary.put("count", total);
    summary.put("p50_ms", millis(percentile(0.50)));
    summary.put("p90_ms", millis(percentile(0.90)));
    summary.put("p99_ms", millis(percentile(0.99)));
    summary.put("p99_9_ms", millis(percentile(0.999)));
    summary.put("max_ms", millis(max));
    return summary;
  }

  static double millis(long micros) {
    return Double.parseDouble(String.format(Locale.ROOT, "%.2f", micros / 1000.0));
  }

  private static int index(long micros) {
    if (micros < LINEAR) {
      return (int) micros;
    }
    int index = LINEAR + (int) (Math.log(micros / (double) LINEAR) / STEP);
    return Math.min(index, SIZE - 1);
  }

  private static long value(int index) {
    if (index < LINEAR) {
      return index;
    }
    return (long) (LINEAR * Math.exp((index - LINEAR + 1) * STEP));
  }
}
