package com.consultchat.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a run measured: one JSON file per scenario and for the whole run, and a Markdown
 * summary whose first table says, target by target, what was measured and whether it was met.
 */
final class Report {

  enum Status {
    MET,
    MISSED,
    NOT_MEASURED
  }

  record Check(String target, String goal, String measured, Status status) {}

  final Map<String, Object> run = new LinkedHashMap<>();
  private final Map<String, Object> scenarios = new LinkedHashMap<>();
  private final List<Check> checks = new ArrayList<>();
  private final List<String> sections = new ArrayList<>();
  private final Path directory;

  Report(Path directory) {
    this.directory = directory;
  }

  void scenario(String name, Map<String, Object> result) {
    scenarios.put(name, result);
  }

  void check(String target, String goal, String measured, boolean met) {
    checks.add(new Check(target, goal, measured, met ? Status.MET : Status.MISSED));
  }

  void notMeasured(String target, String goal, String why) {
    checks.add(new Check(target, goal, why, Status.NOT_MEASURED));
  }

  /** A Markdown section of the summary, written by a scenario. */
  void section(String title, List<String> lines) {
    sections.add("## " + title + "\n\n" + String.join("\n", lines) + "\n");
  }

  /** Writes the files and returns the Markdown summary. */
  String write() throws IOException {
    Files.createDirectories(directory);
    for (Map.Entry<String, Object> scenario : scenarios.entrySet()) {
      Files.writeString(
          directory.resolve(scenario.getKey() + ".json"), Json.write(scenario.getValue()));
    }
    Map<String, Object> all = new LinkedHashMap<>(run);
    List<Object> targetList = new ArrayList<>();
    for (Check check : checks) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("target", check.target());
      row.put("goal", check.goal());
      row.put("measured", check.measured());
      row.put("status", check.status().name());
      targetList.add(row);
    }
    all.put("targets", targetList);
    all.put("scenarios", scenarios);
    Files.writeString(directory.resolve("results.json"), Json.write(all));
    String markdown = markdown();
    Files.writeString(directory.resolve("summary.md"), markdown);
    return markdown;
  }

  private String markdown() {
    StringBuilder md = new StringBuilder("# ConsultChat single-node benchmark\n\n");
    run.forEach(
        (key, value) -> md.append("- **").append(key).append("**: ").append(value).append('\n'));
    md.append("\n## Targets\n\n| Target | Goal | Measured | Status |\n|---|---|---|---|\n");
    for (Check check : checks) {
      md.append("| ")
          .append(check.target())
          .append(" | ")
          .append(check.goal())
          .append(" | ")
          .append(check.measured())
          .append(" | ")
          .append(check.status().name().replace('_', ' '))
          .append(" |\n");
    }
    md.append('\n');
    sections.forEach(section -> md.append(section).append('\n'));
    return md.toString();
  }
}
