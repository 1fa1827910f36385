package com.consultchat.it;

import com.deque.html.axecore.results.Check;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs axe-core (Deque's Selenium integration) on the page a browser shows, against WCAG 2.x A and
 * AA and axe's best practices, and names each serious or critical violation: the rule, what it asks
 * and the elements that break it. Minor and moderate findings are left to review, not to the build.
 */
final class Accessibility {

  private static final List<String> TAGS =
      List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice");
  private static final Set<String> FAILING = Set.of("serious", "critical");

  private Accessibility() {}

  /** The serious and critical violations on the page as it is now, one readable line each. */
  static List<String> violations(Browser browser) {
    // Legacy mode runs axe inside the page. The default mode opens a blank window for every
    // analysis to merge the results of cross-origin frames, which our pages do not have; without
    // that window the layout test's page checks took a tenth to a fifth less time.
    Results results = new AxeBuilder().withTags(TAGS).setLegacyMode(true).analyze(browser.driver);
    if (results.isErrored()) {
      return List.of("axe-core could not run: " + results.getErrorMessage());
    }
    List<String> found = new ArrayList<>();
    for (Rule rule : results.getViolations()) {
      if (!FAILING.contains(rule.getImpact())) {
        continue;
      }
      String targets =
          rule.getNodes().stream()
              .map(CheckedNode::getTarget)
              .map(String::valueOf)
              .limit(5)
              .collect(Collectors.joining(", "));
      int more = rule.getNodes().size() - 5;
      found.add(
          "axe "
              + rule.getId()
              + " ("
              + rule.getImpact()
              + ", "
              + rule.getHelp()
              + "): "
              + targets
              + (more > 0 ? " and " + more + " more" : "")
              + " — "
              + firstFinding(rule.getNodes().get(0)));
    }
    return found;
  }

  /** What axe says about the first element, such as the colours and ratio it measured. */
  private static String firstFinding(CheckedNode node) {
    return Stream.of(node.getAny(), node.getAll(), node.getNone())
        .filter(Objects::nonNull)
        .flatMap(List::stream)
        .map(Check::getMessage)
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(String.valueOf(node.getFailureSummary()))
        .replace('\n', ' ');
  }
}
