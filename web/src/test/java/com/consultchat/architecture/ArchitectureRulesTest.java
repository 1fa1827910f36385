package com.consultchat.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The rules of {@link ArchitectureRules} against fixtures in test sources: each rule must report
 * exactly the classes written to break it, and nothing in a miniature that keeps them all. So
 * {@link ArchitectureTest} cannot pass because a rule no longer matches anything.
 */
class ArchitectureRulesTest {

  private static final String VIOLATING = "com.consultchat.archfixture.violating";
  private static final String CLEAN = "com.consultchat.archfixture.clean";

  private static final ArchitectureRules ON_VIOLATING = ArchitectureRules.under(VIOLATING);
  private static final JavaClasses VIOLATING_CLASSES =
      new ClassFileImporter().importPackages(VIOLATING);
  private static final JavaClasses CLEAN_CLASSES = new ClassFileImporter().importPackages(CLEAN);

  static Stream<Arguments> rulesAndTheirViolators() {
    return Stream.of(
        Arguments.of(
            ON_VIOLATING.ejbKnowsNoWebTechnology(), List.of("account.boundary.ServletReader")),
        Arguments.of(
            ON_VIOLATING.webCallsOnlyEjbBoundaries(), List.of("web.room.boundary.RoomPage")),
        Arguments.of(
            ON_VIOLATING.featuresMeetOnlyAtBoundaries(),
            List.of("consultation.boundary.Intake", "web.consultation.boundary.QueuePage")),
        Arguments.of(
            ON_VIOLATING.platformKnowsNoFeature(),
            List.of("platform.control.Seeder", "web.platform.boundary.Menu")),
        Arguments.of(
            ON_VIOLATING.featuresFormNoCycle(),
            List.of("audit.boundary.Trail", "messaging.boundary.Posts")));
  }

  @ParameterizedTest
  @MethodSource("rulesAndTheirViolators")
  void eachRuleReportsExactlyTheClassesThatBreakIt(ArchRule rule, List<String> violators) {
    EvaluationResult result = rule.evaluate(VIOLATING_CLASSES);

    assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
    List<String> details = result.getFailureReport().getDetails();
    for (String violator : violators) {
      assertThat(details).anyMatch(detail -> detail.contains(VIOLATING + "." + violator));
    }
    assertThat(details)
        .as("only the classes written to break this rule")
        .allMatch(detail -> violators.stream().anyMatch(v -> detail.contains(VIOLATING + "." + v)));
  }

  @Test
  void noRuleReportsAnythingInALayoutThatKeepsThemAll() {
    assertThat(CLEAN_CLASSES).isNotEmpty();
    for (ArchRule rule : ArchitectureRules.under(CLEAN).all()) {
      EvaluationResult result = rule.evaluate(CLEAN_CLASSES);
      assertThat(result.getFailureReport().getDetails()).as(rule.getDescription()).isEmpty();
    }
  }

  @Test
  void everyRuleHasFixturesThatBreakIt() {
    assertThat(rulesAndTheirViolators().map(rule -> ((ArchRule) rule.get()[0]).getDescription()))
        .containsExactlyInAnyOrderElementsOf(
            ON_VIOLATING.all().stream().map(ArchRule::getDescription).toList());
  }
}
