package com.consultchat.web.safety.boundary;

import com.consultchat.safety.boundary.ClinicHours;
import com.consultchat.safety.boundary.ClinicStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What every page that invites a patient to write says about when the clinic answers and what to do
 * in an emergency. Times are the clinic's own, named with its zone: a patient abroad reads the
 * clinic's clock, which is the one that decides.
 */
@Named("clinic")
@RequestScoped
public class ClinicView {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

  @Inject ClinicHours hours;
  @Inject Clock clock;

  private ClinicStatus status;

  private ClinicStatus status() {
    if (status == null) {
      status = hours.now();
    }
    return status;
  }

  public boolean isOpen() {
    return status().open();
  }

  public String getEmergencyNumber() {
    return status().emergencyNumber();
  }

  public String getHours() {
    return status().hours() + " (" + status().zone() + " time)";
  }

  /**
   * "from today at 14:00 (Europe/Berlin time)", "from tomorrow at 08:00 (…)", "from Monday 7
   * December at 08:00 (…)"; "when the clinic reopens" for a schedule with no opening ahead.
   */
  public String getNextOpening() {
    if (status().nextOpening() == null) {
      return isOpen() ? "now" : "when the clinic reopens";
    }
    return describe(status().nextOpening().atZone(ZoneId.of(status().zone())));
  }

  String describe(ZonedDateTime at) {
    LocalDate today = clock.instant().atZone(at.getZone()).toLocalDate();
    String time = "at " + TIME.format(at) + " (" + at.getZone().getId() + " time)";
    if (at.toLocalDate().equals(today)) {
      return "from today " + time;
    }
    if (at.toLocalDate().equals(today.plusDays(1))) {
      return "from tomorrow " + time;
    }
    return "from " + DAY.format(at) + " " + time;
  }
}
