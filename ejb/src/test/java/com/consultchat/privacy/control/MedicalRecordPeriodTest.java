package com.consultchat.privacy.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MedicalRecordPeriodTest {

  @Test
  void tenYearsUnlessTheClinicSetsAnother() {
    assertThat(MedicalRecordPeriod.years(new Properties(), Map.of())).isEqualTo(10);
    assertThat(
            MedicalRecordPeriod.years(
                new Properties(), Map.of("CONSULTCHAT_RETENTION_CONSULTATION_YEARS", "30")))
        .isEqualTo(30);
  }

  @Test
  void theSystemPropertyWinsOverTheEnvironment() {
    Properties properties = new Properties();
    properties.setProperty("consultchat.retention.consultation.years", "6");
    assertThat(
            MedicalRecordPeriod.years(
                properties, Map.of("CONSULTCHAT_RETENTION_CONSULTATION_YEARS", "30")))
        .isEqualTo(6);
  }

  @Test
  void nonsenseFallsBackToTheDefault() {
    for (String value : new String[] {"ten", "0", "-3", "1000", " "}) {
      assertThat(
              MedicalRecordPeriod.years(
                  new Properties(), Map.of("CONSULTCHAT_RETENTION_CONSULTATION_YEARS", value)))
          .as(value)
          .isEqualTo(10);
    }
  }
}
