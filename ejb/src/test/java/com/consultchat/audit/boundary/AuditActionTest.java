package com.consultchat.audit.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AuditActionTest {

  private final ResourceBundle labels =
      ResourceBundle.getBundle("com.consultchat.audit.boundary.AuditLabels", Locale.ROOT);

  @Test
  void everyActionHasItsLabelInWords() {
    assertThat(AuditAction.values())
        .allSatisfy(
            action -> {
              assertThat(labels.containsKey(action.name()))
                  .as("AuditLabels.properties has no label for %s: add one", action)
                  .isTrue();
              assertThat(action.label()).isNotBlank().isNotEqualTo(action.name());
            });
  }

  @Test
  void everyKindOfObjectHasItsLabelInWords() {
    assertThat(AuditTarget.values())
        .allSatisfy(
            target -> {
              assertThat(labels.containsKey("target." + target.name()))
                  .as("AuditLabels.properties has no label target.%s: add one", target)
                  .isTrue();
              assertThat(target.label()).isNotBlank().isNotEqualTo(target.name());
            });
  }

  @Test
  void noLabelIsLeftForAnActionThatIsGone() {
    assertThat(labels.keySet())
        .allSatisfy(
            key ->
                assertThat(
                        Stream.concat(
                            Arrays.stream(AuditAction.values()).map(Enum::name),
                            Arrays.stream(AuditTarget.values()).map(t -> "target." + t.name())))
                    .as("label %s belongs to no action or kind of object", key)
                    .contains(key));
  }

  @Test
  void labelsAreDistinctSoTheLogNeverReadsTwoActionsAlike() {
    assertThat(Arrays.stream(AuditAction.values()).map(AuditAction::label)).doesNotHaveDuplicates();
  }
}
