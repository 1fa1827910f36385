package com.consultchat.retention.control;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * When something is due: a consultation once closed for its period, a room post once older than
 * its. Never an open consultation and never anything a legal hold covers, whatever its age.
 */
public final class PurgeRules {

  private PurgeRules() {}

  /** Consultations closed before this are due. Calendar years, so leap days do not shorten them. */
  public static Instant consultationCutoff(Instant now, int years) {
    return now.atOffset(ZoneOffset.UTC).minusYears(years).toInstant();
  }

  /** Room entries posted before this are due. */
  public static Instant roomCutoff(Instant now, int days) {
    return now.atOffset(ZoneOffset.UTC).minusDays(days).toInstant();
  }

  public static boolean consultationDue(
      String status, Instant closedAt, Instant cutoff, boolean held) {
    return !held && "CLOSED".equals(status) && closedAt != null && closedAt.isBefore(cutoff);
  }
}
