package com.consultchat.web.consultation.control;

import com.consultchat.platform.boundary.Refused;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * An appointment window as typed in the browser: two local date-times and the browser's time zone,
 * because the specialist thinks in their own wall-clock time.
 */
public record AppointmentWindow(Instant start, Instant end) {

  public static AppointmentWindow parse(String start, String end, String zone) {
    ZoneId zoneId;
    try {
      zoneId = ZoneId.of(zone == null || zone.isBlank() ? "UTC" : zone.strip());
    } catch (DateTimeException e) {
      throw Refused.invalid("appointment.zone.unknown");
    }
    return new AppointmentWindow(at(start, zoneId, "start"), at(end, zoneId, "end"));
  }

  private static Instant at(String localDateTime, ZoneId zone, String what) {
    if (localDateTime == null || localDateTime.isBlank()) {
      throw Refused.invalid("appointment." + what + ".missing");
    }
    try {
      return LocalDateTime.parse(localDateTime.strip()).atZone(zone).toInstant();
    } catch (DateTimeException e) {
      throw Refused.invalid("appointment." + what + ".unreadable");
    }
  }
}
