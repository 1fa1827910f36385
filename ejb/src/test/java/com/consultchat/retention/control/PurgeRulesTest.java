package com.consultchat.retention.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PurgeRulesTest {

  private static final Instant NOW = Instant.parse("2036-03-01T03:17:00Z");

  @Test
  void aConsultationIsDueOnlyOnceClosedForItsWholePeriod() {
    Instant cutoff = PurgeRules.consultationCutoff(NOW, 10);

    assertThat(cutoff).isEqualTo(Instant.parse("2026-03-01T03:17:00Z"));
    assertThat(PurgeRules.consultationDue("CLOSED", cutoff.minusSeconds(1), cutoff, false))
        .isTrue();
    assertThat(PurgeRules.consultationDue("CLOSED", cutoff, cutoff, false)).isFalse();
    assertThat(PurgeRules.consultationDue("CLOSED", cutoff.plusSeconds(60), cutoff, false))
        .isFalse();
  }

  @Test
  void anOpenConsultationIsNeverDueWhateverItsAge() {
    Instant cutoff = PurgeRules.consultationCutoff(NOW, 1);
    Instant old = Instant.parse("2000-01-01T00:00:00Z");

    assertThat(PurgeRules.consultationDue("ACTIVE", old, cutoff, false)).isFalse();
    assertThat(PurgeRules.consultationDue("REQUESTED", null, cutoff, false)).isFalse();
    assertThat(PurgeRules.consultationDue("TRANSFERRED", old, cutoff, false)).isFalse();
  }

  @Test
  void aHeldConsultationIsNeverDue() {
    Instant cutoff = PurgeRules.consultationCutoff(NOW, 1);

    assertThat(
            PurgeRules.consultationDue(
                "CLOSED", Instant.parse("2000-01-01T00:00:00Z"), cutoff, true))
        .isFalse();
  }

  @Test
  void roomPostsAreDueAfterTheirDays() {
    assertThat(PurgeRules.roomCutoff(NOW, 365)).isEqualTo(Instant.parse("2035-03-02T03:17:00Z"));
  }
}
