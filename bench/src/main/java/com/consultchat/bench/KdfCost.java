package com.consultchat.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a login with the production password hash costs: logins of people whose hash has the real
 * 210,000 iterations, and the time of one such hash in this JVM, which bounds logins per second on
 * this machine at (cores / hash time) whatever the server does.
 */
final class KdfCost {

  private KdfCost() {}

  static Map<String, Object> measure(Harness h) {
    Map<String, Object> result = new LinkedHashMap<>();
    int people = h.options.integer("kdf.logins");
    long start = System.nanoTime();
    List<Reply> replies = h.all("login benchkdf 0 " + people + " 2", 600);
    double seconds = (System.nanoTime() - start) / 1e9;
    long ok = Harness.sum(replies, "ok");
    result.put("iterations", BenchDatabase.PRODUCTION_ITERATIONS);
    result.put("logins_ok", ok);
    result.put("logins_failed", Harness.sum(replies, "failed"));
    result.put("logins_per_second", HoldScenario.round(ok / seconds));
    long[] times = new long[3];
    for (int i = 0; i < times.length; i++) {
      long began = System.nanoTime();
      BenchDatabase.hash(Logins.PASSWORD, BenchDatabase.PRODUCTION_ITERATIONS);
      times[i] = (System.nanoTime() - began) / 1_000_000;
    }
    java.util.Arrays.sort(times);
    int cores = Runtime.getRuntime().availableProcessors();
    result.put("one_hash_ms", times[1]);
    result.put("bound_logins_per_second", HoldScenario.round(cores * 1000.0 / times[1]));
    return result;
  }
}
