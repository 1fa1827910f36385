package com.consultchat.web.safety.boundary;

import com.consultchat.safety.boundary.ClinicHours;
import com.consultchat.safety.boundary.ClinicStatus;
import com.consultchat.web.platform.boundary.PageText;
import com.consultchat.web.platform.boundary.Words;
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

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  @Inject ClinicHours hours;
  @Inject Clock clock;
  @Inject Words words;
  @Inject PageText text;

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
    return text.format("clinic.hours", status().hours(), status().zone());
  }

  /**
   * "from today at 14:00 (Europe/Berlin time)", "from tomorrow at 08:00 (…)", "from Monday 7
   * December at 08:00 (…)"; "when the clinic reopens" for a schedule with no opening ahead; in the
   * page's language.
   */
  public String getNextOpening() {
    if (status().nextOpening() == null) {
      return text.get(isOpen() ? "clinic.next.now" : "clinic.next.reopen");
    }
    return describe(status().nextOpening().atZone(ZoneId.of(status().zone())), text.locale());
  }

  String describe(ZonedDateTime at, Locale locale) {
    LocalDate today = clock.instant().atZone(at.getZone()).toLocalDate();
    String time = TIME.format(at);
    String zone = at.getZone().getId();
    if (at.toLocalDate().equals(today)) {
      return words.format(locale, "clinic.next.today", time, zone);
    }
    if (at.toLocalDate().equals(today.plusDays(1))) {
      return words.format(locale, "clinic.next.tomorrow", time, zone);
    }
    String day =
        DateTimeFormatter.ofPattern(words.get(locale, "clinic.day.pattern"), locale).format(at);
    return words.format(locale, "clinic.next.day", day, time, zone);
  }
}
