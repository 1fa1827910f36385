package com.consultchat.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The package rules of docs/architecture.md, written once for any root package: the application
 * ({@code com.consultchat}) is checked by {@link ArchitectureTest}, and small fixtures that break
 * each rule on purpose by {@link ArchitectureRulesTest}, so a rule that stops seeing anything fails
 * there instead of passing quietly.
 *
 * <p>Below the root, {@code <feature>.{boundary,control,entity}} is the ejb module and {@code
 * web.<feature>.{boundary,control}} the web module; {@code web.x} is feature x's web side.
 */
public final class ArchitectureRules {

  /** The features of the ejb module; the web module may add pages of its own (such as admin). */
  public static final List<String> FEATURES =
      List.of(
          "account",
          "attachment",
          "audit",
          "consultation",
          "messaging",
          "privacy",
          "room",
          "safety",
          "platform");

  private static final String WEB = "web";
  private static final String PLATFORM = "platform";
  private static final String BOUNDARY = "boundary";
  private static final Set<String> INSIDES = Set.of("control", "entity");

  private final String root;

  private ArchitectureRules(String root) {
    this.root = root;
  }

  public static ArchitectureRules under(String root) {
    return new ArchitectureRules(root);
  }

  public List<ArchRule> all() {
    return List.of(
        ejbKnowsNoWebTechnology(),
        webCallsOnlyEjbBoundaries(),
        featuresMeetOnlyAtBoundaries(),
        platformKnowsNoFeature(),
        featuresFormNoCycle());
  }

  public ArchRule ejbKnowsNoWebTechnology() {
    return noClasses()
        .that()
        .resideInAnyPackage(
            FEATURES.stream().map(f -> root + "." + f + "..").toArray(String[]::new))
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.faces..", "jakarta.websocket..", "jakarta.servlet..")
        .because("the ejb module holds the rules and is used the same way from pages and sockets");
  }

  public ArchRule webCallsOnlyEjbBoundaries() {
    return noClasses()
        .that()
        .resideInAPackage(root + "." + WEB + "..")
        .should()
        .dependOnClassesThat(
            DescribedPredicate.describe(
                "are in the ejb module outside a boundary package",
                target -> isEjb(target) && !BOUNDARY.equals(layer(target))))
        .because("the web module calls only what ejb offers as its boundary");
  }

  public ArchRule featuresMeetOnlyAtBoundaries() {
    return classes()
        .that(DescribedPredicate.describe("belong to a feature", c -> feature(c).isPresent()))
        .should(notReachIntoAnotherFeature())
        .because("a feature uses another only through its boundary");
  }

  public ArchRule platformKnowsNoFeature() {
    return noClasses()
        .that(DescribedPredicate.describe("belong to platform", c -> isFeature(c, PLATFORM)))
        .should()
        .dependOnClassesThat(
            DescribedPredicate.describe(
                "belong to another feature",
                target -> feature(target).filter(f -> !f.equals(PLATFORM)).isPresent()))
        .because("platform is what every feature builds on, so it cannot know any of them");
  }

  public ArchRule featuresFormNoCycle() {
    return SlicesRuleDefinition.slices()
        .assignedFrom(featureSlices())
        .should()
        .beFreeOfCycles()
        .because("features that depend on each other in a circle are one feature in two places");
  }

  /** The feature a class belongs to: its package below the root, or below root.web. */
  Optional<String> feature(JavaClass type) {
    List<String> segments = segmentsBelowRoot(type);
    if (segments.size() >= 2 && segments.get(0).equals(WEB)) {
      return Optional.of(segments.get(1));
    }
    if (!segments.isEmpty() && FEATURES.contains(segments.get(0))) {
      return Optional.of(segments.get(0));
    }
    return Optional.empty();
  }

  private boolean isFeature(JavaClass type, String name) {
    return feature(type).filter(name::equals).isPresent();
  }

  private boolean isEjb(JavaClass type) {
    List<String> segments = segmentsBelowRoot(type);
    return !segments.isEmpty() && FEATURES.contains(segments.get(0));
  }

  /** boundary, control or entity (or whatever else follows the feature); empty at its top. */
  private String layer(JavaClass type) {
    List<String> segments = segmentsBelowRoot(type);
    int at = !segments.isEmpty() && segments.get(0).equals(WEB) ? 2 : 1;
    return segments.size() > at ? segments.get(at) : "";
  }

  private List<String> segmentsBelowRoot(JavaClass type) {
    String name = type.getBaseComponentType().getPackageName();
    if (!name.startsWith(root + ".")) {
      return List.of();
    }
    return List.of(name.substring(root.length() + 1).split("\\."));
  }

  private ArchCondition<JavaClass> notReachIntoAnotherFeature() {
    return new ArchCondition<>("not depend on another feature's control or entity") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        String own = feature(origin).orElseThrow();
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          JavaClass target = dependency.getTargetClass();
          boolean foreignInside =
              feature(target).filter(f -> !f.equals(own)).isPresent()
                  && INSIDES.contains(layer(target));
          if (foreignInside) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  private SliceAssignment featureSlices() {
    return new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass type) {
        return feature(type).map(SliceIdentifier::of).orElse(SliceIdentifier.ignore());
      }

      @Override
      public String getDescription() {
        return "features (" + root + ".<feature> with its web side " + root + ".web.<feature>)";
      }
    };
  }
}
