package com.consultchat.room.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consultchat.platform.boundary.Refused;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class PseudonymTest {

  @Test
  void aChosenPseudonymIsTidied() {
    assertThat(Pseudonym.chosen("  Night   Owl ", "anna", "Anna Berg")).isEqualTo("Night Owl");
  }

  @Test
  void aPseudonymThatGivesThePersonAwayIsRefused() {
    assertThatThrownBy(() -> Pseudonym.chosen("anna", "anna", "Anna Berg"))
        .isInstanceOf(Refused.class)
        .hasMessage("room.pseudonym-not-name");
    assertThatThrownBy(() -> Pseudonym.chosen("The Anna 7", "anna", "Anna Berg"))
        .isInstanceOf(Refused.class);
    assertThatThrownBy(() -> Pseudonym.chosen("anna berg", "ab77", "Anna Berg"))
        .isInstanceOf(Refused.class);
  }

  @Test
  void markupAndTooShortOrLongNamesAreRefused() {
    assertThatThrownBy(() -> Pseudonym.chosen("<b>bold</b>", "anna", "Anna Berg"))
        .hasMessage("room.pseudonym-form");
    assertThatThrownBy(() -> Pseudonym.chosen("ab", "anna", "Anna Berg"))
        .isInstanceOf(Refused.class);
    assertThatThrownBy(() -> Pseudonym.chosen("x".repeat(41), "anna", "Anna Berg"))
        .isInstanceOf(Refused.class);
    assertThatThrownBy(() -> Pseudonym.chosen(null, "anna", "Anna Berg"))
        .isInstanceOf(Refused.class);
  }

  @RepeatedTest(20)
  void aGeneratedPseudonymPassesTheRulesForChosenOnes() {
    String generated = Pseudonym.generate();
    assertThat(Pseudonym.chosen(generated, "someone", "Some One")).isEqualTo(generated);
  }
}
