package com.consultchat.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;

/**
 * The application's own classes, ejb, web and single sign-on together, against the package rules.
 * Run by the ArchUnit JUnit 5 engine in the normal test phase; the rules are methods, not {@code
 * ArchRule} fields, because Surefire reports (and counts) only method sources.
 */
@AnalyzeClasses(packages = "com.consultchat", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final ArchitectureRules RULES = ArchitectureRules.under("com.consultchat");

  /**
   * The modules must be on the classpath (ejb, web and the single sign-on module), or the rules
   * between them would hold vacuously.
   */
  @ArchTest
  static void seesTheEjbAndTheWebModule(JavaClasses classes) {
    assertThat(classes.contain("com.consultchat.platform.control.Bootstrap")).isTrue();
    assertThat(classes.contain("com.consultchat.web.messaging.boundary.ChatSocket")).isTrue();
    assertThat(classes.contain("com.consultchat.web.sso.boundary.SignOnServlet")).isTrue();
  }

  @ArchTest
  static void ejbKnowsNoWebTechnology(JavaClasses classes) {
    RULES.ejbKnowsNoWebTechnology().check(classes);
  }

  @ArchTest
  static void webCallsOnlyEjbBoundaries(JavaClasses classes) {
    RULES.webCallsOnlyEjbBoundaries().check(classes);
  }

  @ArchTest
  static void featuresMeetOnlyAtBoundaries(JavaClasses classes) {
    RULES.featuresMeetOnlyAtBoundaries().check(classes);
  }

  @ArchTest
  static void platformKnowsNoFeature(JavaClasses classes) {
    RULES.platformKnowsNoFeature().check(classes);
  }

  @ArchTest
  static void featuresFormNoCycle(JavaClasses classes) {
    RULES.featuresFormNoCycle().check(classes);
  }
}
