package com.consultchat.privacy.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Properties;

/**
 * How long consultations are kept as the medical record, in years: what a person asking for erasure
 * is told. From {@code CONSULTCHAT_RETENTION_CONSULTATION_YEARS} (or the system property {@code
 * consultchat.retention.consultation.years}), 10 by default, the same setting the retention purge
 * reads.
 */
@ApplicationScoped
public class MedicalRecordPeriod {

  static final String PROPERTY = "consultchat.retention.consultation.years";
  static final int DEFAULT_YEARS = 10;

  public int years() {
    return years(System.getProperties(), System.getenv());
  }

  static int years(Properties properties, Map<String, String> environment) {
    String value = properties.getProperty(PROPERTY);
    if (value == null) {
      value = environment.get(PROPERTY.toUpperCase().replace('.', '_'));
    }
    if (value == null || value.isBlank()) {
      return DEFAULT_YEARS;
    }
    try {
      int years = Integer.parseInt(value.strip());
      return years >= 1 && years <= 100 ? years : DEFAULT_YEARS;
    } catch (NumberFormatException e) {
      return DEFAULT_YEARS;
    }
  }
}
