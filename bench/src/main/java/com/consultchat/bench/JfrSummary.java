package com.consultchat.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Reads a server recording into what explains a figure: where CPU samples land (hottest methods,
 * and by layer: driver, Hibernate, Undertow, Weld, the application), which ConsultChat methods the
 * samples pass through, lock contention, and garbage collection.
 */
final class JfrSummary {

  private static final List<String[]> LAYERS =
      List.of(
          new String[] {"org.postgresql", "PostgreSQL driver"},
          new String[] {"org.hibernate", "Hibernate"},
          new String[] {"io.undertow", "Undertow"},
          new String[] {"org.xnio", "XNIO"},
          new String[] {"org.jboss.weld", "Weld (CDI)"},
          new String[] {"org.jboss.as", "WildFly"},
          new String[] {"org.wildfly", "WildFly"},
          new String[] {"org.jboss.jca", "IronJacamar (pool)"},
          new String[] {"com.arjuna", "Narayana (transactions)"},
          new String[] {"org.jboss", "JBoss other"},
          new String[] {"org.eclipse.yasson", "Yasson (JSON-B)"},
          new String[] {"org.eclipse.parsson", "Parsson (JSON-P)"},
          new String[] {"org.glassfish.soteria", "Soteria (security)"},
          new String[] {"com.sun.faces", "Mojarra (Faces)"},
          new String[] {"org.primefaces", "PrimeFaces"},
          new String[] {"com.consultchat", "ConsultChat"},
          new String[] {"com.sun.crypto", "JDK crypto"},
          new String[] {"sun.security", "JDK crypto"},
          new String[] {"sun.nio", "JDK NIO"},
          new String[] {"java.", "JDK core"},
          new String[] {"jdk.", "JDK core"},
          new String[] {"sun.", "JDK core"});

  private JfrSummary() {}

  static Map<String, Object> of(Path recording) {
    Map<String, Long> self = new HashMap<>();
    Map<String, Long> layers = new HashMap<>();
    Map<String, Long> application = new HashMap<>();
    Map<String, Long> monitors = new HashMap<>();
    long samples = 0;
    long gcCount = 0;
    Duration gcPause = Duration.ZERO;
    try (RecordingFile file = new RecordingFile(recording)) {
      while (file.hasMoreEvents()) {
        RecordedEvent event = file.readEvent();
        switch (event.getEventType().getName()) {
          case "jdk.ExecutionSample" -> {
            RecordedStackTrace stack = event.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
              continue;
            }
            samples++;
            String top = method(stack.getFrames().get(0));
            self.merge(top, 1L, Long::sum);
            layers.merge(layer(top), 1L, Long::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : stack.getFrames()) {
              String name = method(frame);
              if (name.startsWith("com.consultchat") && seen.add(name)) {
                application.merge(name, 1L, Long::sum);
              }
            }
          }
          case "jdk.JavaMonitorEnter" -> {
            RecordedStackTrace stack = event.getStackTrace();
            String where =
                stack == null || stack.getFrames().isEmpty()
                    ? "?"
                    : method(stack.getFrames().get(0));
            monitors.merge(
                event.getClass("monitorClass").getName() + " in " + where,
                event.getDuration().toMillis(),
                Long::sum);
          }
          case "jdk.GarbageCollection" -> {
            gcCount++;
            gcPause = gcPause.plus(event.getDuration("sumOfPauses"));
          }
          default -> {}
        }
      }
    } catch (IOException e) {
      return Map.of("error", e.toString());
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("file", recording.getFileName().toString());
    summary.put("cpu_samples", samples);
    summary.put("by_layer_pct", shares(layers, samples, 12));
    summary.put("hottest_methods_pct", shares(self, samples, 12));
    summary.put("consultchat_inclusive_pct", shares(application, samples, 10));
    summary.put("monitor_blocked_ms_by_class", top(monitors, 6));
    summary.put("gc_count", gcCount);
    summary.put("gc_pause_ms", gcPause.toMillis());
    return summary;
  }

  private static String method(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }

  private static String layer(String method) {
    for (String[] layer : LAYERS) {
      if (method.startsWith(layer[0])) {
        return layer[1];
      }
    }
    return "other";
  }

  private static Map<String, Object> shares(Map<String, Long> counts, long total, int limit) {
    Map<String, Object> shares = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(limit)
        .forEach(e -> shares.put(e.getKey(), Math.round(1000.0 * e.getValue() / total) / 10.0));
    return shares;
  }

  private static Map<String, Object> top(Map<String, Long> counts, int limit) {
    Map<String, Object> top = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(limit)
        .forEach(e -> top.put(e.getKey(), e.getValue()));
    return top;
  }
}
