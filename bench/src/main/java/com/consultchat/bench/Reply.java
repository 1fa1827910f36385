package com.consultchat.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/** One answer of a client JVM: {@code = key=value ...}, or {@code ! reason}, which fails. */
record Reply(Map<String, String> values) {

  static Reply parse(String agent, String command, String line) {
    if (!line.startsWith("= ")) {
      throw new IllegalStateException(agent + " refused '" + command + "': " + line);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : line.substring(2).split(" ")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        values.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
    }
    return new Reply(values);
  }

  long number(String key) {
    String value = values.get(key);
    return value == null || value.isEmpty() ? 0 : Long.parseLong(value);
  }

  boolean flag(String key) {
    return Boolean.parseBoolean(values.get(key));
  }

  String text(String key) {
    return values.getOrDefault(key, "");
  }

  Histogram histogram(String key) {
    return Histogram.decode(values.get(key));
  }
}
