package com.consultchat.web.metrics.control;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The last hour of samples on this node, oldest first, in a bounded ring: a new sample pushes the
 * oldest out, so memory stays the same however long the node runs.
 */
public class MetricsHistory {

  private final int capacity;
  private final ArrayDeque<Sample> samples;

  public MetricsHistory(int capacity) {
    this.capacity = capacity;
    this.samples = new ArrayDeque<>(capacity);
  }

  public synchronized void add(Sample sample) {
    if (samples.size() == capacity) {
      samples.removeFirst();
    }
    samples.addLast(sample);
  }

  /** The times, and for each figure its values aligned with them (null where unknown). */
  public synchronized Columns columns(List<String> figures) {
    List<Long> times = new ArrayList<>(samples.size());
    Map<String, List<Double>> series = new LinkedHashMap<>();
    figures.forEach(name -> series.put(name, new ArrayList<>(samples.size())));
    for (Sample sample : samples) {
      times.add(sample.epochSecond());
      figures.forEach(name -> series.get(name).add(sample.figures().get(name)));
    }
    return new Columns(times, series);
  }

  public record Columns(List<Long> times, Map<String, List<Double>> series) {}
}
