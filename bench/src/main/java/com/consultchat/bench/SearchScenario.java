package com.consultchat.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Full-text search over many stored messages: {@code search.messages} messages (a million by
 * default) go straight into the database (see {@link Corpus}), then people and an administrator
 * search through the search page, one search at a time, as a person waits for one: the latency is
 * the page's, from request to the last byte, query, snippets and rendering included. Members search
 * their consultation and the seeded rooms; the administrator searches everything (and each search
 * is audited, as in use).
 */
final class SearchScenario {

  static final double GOAL_P95_MS = 100;
  static final long GOAL_MESSAGES = 1_000_000;
  private static final Pattern HIT = Pattern.compile("class=\"search-hit\"");

  private final Harness h;

  SearchScenario(Harness harness) {
    this.h = harness;
  }

  Map<String, Object> run() throws Exception {
    int messages = h.options.integer("search.messages");
    int searches = h.options.integer("search.queries");
    int people = Math.min(h.options.integer("search.people"), 2 * h.options.integer("pairs"));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("messages", messages);
    Bench.log("Storing " + messages + " messages for the search...");
    List<Integer> rooms = new ArrayList<>(h.options.integers("rooms"));
    rooms.add(h.options.integer("fanout.members"));
    double seconds = new Corpus().load(messages, h.options.integer("pairs"), rooms);
    result.put("load_seconds", Math.round(seconds * 10) / 10.0);
    result.put("stored_messages", BenchDatabase.storedMessages(0, Long.MAX_VALUE));

    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    Logins logins = new Logins(http, WildFly.applicationUrl());
    List<String> members = new ArrayList<>();
    for (int i = 0; i < people; i++) {
      String username = Logins.username("bench", i);
      if (logins.login(username).join()) {
        members.add(username);
      }
    }
    if (!logins.login("admin", WildFly.ADMIN_PASSWORD).join()) {
      throw new IllegalStateException("The administrator could not log in");
    }
    result.put("people_searching", members.size());
    result.put("waited_for_quiet_machine_s", h.awaitQuiet(h.options.integer("quiet.wait.seconds")));

    SplittableRandom random = new SplittableRandom(7);
    Searcher searcher = new Searcher(http, logins);
    for (int i = 0; i < Math.min(50, searches); i++) {
      searcher.search(members.get(random.nextInt(members.size())), query(random), null);
    }
    Histogram member = new Histogram();
    Histogram admin = new Histogram();
    long hits = 0;
    CpuMeter cpu = h.cpu();
    for (int i = 0; i < searches; i++) {
      boolean asAdmin = i % 10 == 9;
      String who = asAdmin ? "admin" : members.get(random.nextInt(members.size()));
      hits += searcher.search(who, query(random), asAdmin ? admin : member);
    }
    result.put("cpu", cpu.since());
    result.put("member", summary(member));
    result.put("admin", summary(admin));
    result.put("hits_per_search", Math.round(10.0 * hits / Math.max(1, searches)) / 10.0);
    result.put("queries", Corpus.QUERIES);
    return result;
  }

  private static String query(SplittableRandom random) {
    return Corpus.QUERIES.get(random.nextInt(Corpus.QUERIES.size()));
  }

  private static Map<String, Object> summary(Histogram latency) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("searches", latency.count());
    summary.put("p50_ms", Histogram.millis(latency.percentile(0.50)));
    summary.put("p95_ms", Histogram.millis(latency.percentile(0.95)));
    summary.put("p99_ms", Histogram.millis(latency.percentile(0.99)));
    summary.put("max_ms", Histogram.millis(latency.maxMicros()));
    return summary;
  }

  /** The check against the goal, for the targets table. */
  static void check(Report report, Map<String, Object> search) {
    if (search == null) {
      return;
    }
    Map<String, Object> member = Targets.map(search, "member");
    Map<String, Object> admin = Targets.map(search, "admin");
    double p95 = Math.max(Targets.decimal(member, "p95_ms"), Targets.decimal(admin, "p95_ms"));
    long stored = Targets.number(search, "stored_messages");
    String target = "Search p95, members and administrator";
    String goal = "≤ 100 ms over 1,000,000 messages";
    String measured =
        p95
            + " ms over "
            + stored
            + " messages (members "
            + member.get("p95_ms")
            + ", administrator "
            + admin.get("p95_ms")
            + ")";
    if (stored < GOAL_MESSAGES) {
      report.notMeasured(target, goal, measured + "; too few messages for the goal");
    } else {
      report.check(target, goal, measured, p95 <= GOAL_P95_MS);
    }
  }

  static List<String> section(Map<String, Object> search) {
    Map<String, Object> member = Targets.map(search, "member");
    Map<String, Object> admin = Targets.map(search, "admin");
    return List.of(
        search.get("stored_messages")
            + " messages stored ("
            + search.get("messages")
            + " loaded with COPY in "
            + search.get("load_seconds")
            + " s, indexes and statistics included); "
            + search.get("people_searching")
            + " people and the administrator search one at a time through the search page.",
        "",
        "| Who | Searches | p50 | p95 | p99 | max |",
        "|---|---|---|---|---|---|",
        row("Members (own consultation and rooms)", member),
        row("Administrator (everything, audited)", admin),
        "",
        "Hits on a page, on average: " + search.get("hits_per_search") + ".");
  }

  private static String row(String who, Map<String, Object> figures) {
    return "| "
        + who
        + " | "
        + figures.get("searches")
        + " | "
        + figures.get("p50_ms")
        + " ms | "
        + figures.get("p95_ms")
        + " ms | "
        + figures.get("p99_ms")
        + " ms | "
        + figures.get("max_ms")
        + " ms |";
  }

  /** One search page at a time, timed from request to the last byte. */
  private record Searcher(HttpClient http, Logins logins) {

    /** Answers the hits on the page; records the time unless {@code latency} is null. */
    int search(String username, String words, Histogram latency) throws Exception {
      HttpRequest request =
          HttpRequest.newBuilder(
                  URI.create(
                      WildFly.applicationUrl()
                          + "/search/index.xhtml?q="
                          + URLEncoder.encode(words, StandardCharsets.UTF_8)))
              .timeout(Duration.ofSeconds(60))
              .header("Cookie", logins.sessions.get(username))
              .GET()
              .build();
      long start = System.nanoTime();
      HttpResponse<String> page = http.send(request, HttpResponse.BodyHandlers.ofString());
      long micros = (System.nanoTime() - start) / 1000;
      if (page.statusCode() != 200 || !page.body().contains("id=\"search-page\"")) {
        throw new IllegalStateException("Search as " + username + " answered " + page.statusCode());
      }
      if (latency != null) {
        latency.record(micros);
      }
      int hits = 0;
      Matcher hit = HIT.matcher(page.body());
      while (hit.find()) {
        hits++;
      }
      return hits;
    }
  }
}
