package com.consultchat.safety.boundary;

import com.consultchat.platform.boundary.SchemaMigrated;
import com.consultchat.platform.boundary.Settings;
import com.consultchat.safety.control.OpeningHours;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The clinic's opening hours and emergency number, as the settings give them. A schedule from the
 * environment that cannot be read stops the start with what was wrong, rather than every page
 * later; one changed at run time is read again when it changes, and was checked ({@link #problem})
 * before it was stored. Public information, so anyone may ask, logged in or not.
 */
@ApplicationScoped
public class ClinicHours {

  @Inject Settings settings;
  @Inject Clock clock;

  private static final String HOURS = "consultchat.opening.hours";
  private static final String HOLIDAYS = "consultchat.holidays";
  private static final String ZONE = "consultchat.time.zone";

  /** The schedule with the settings it was read from, replaced whole when they change. */
  private record Read(String schedule, String holidays, String zone, OpeningHours hours) {}

  private volatile Read read;

  @PostConstruct
  void read() {
    try {
      hours();
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Setting consultchat.opening.hours: " + e.getMessage(), e);
    }
  }

  private OpeningHours hours() {
    String schedule = settings.openingHours();
    String holidays = settings.holidays();
    String zone = settings.timeZone();
    Read last = read;
    if (last == null
        || !last.schedule().equals(schedule)
        || !last.holidays().equals(holidays)
        || !last.zone().equals(zone)) {
      last = new Read(schedule, holidays, zone, OpeningHours.parse(schedule, holidays, zone));
      read = last;
    }
    return last.hours();
  }

  /**
   * What is wrong with this value for one of the schedule's settings, taken with the others as they
   * stand; empty when the schedule it makes can be read, or when the setting is not one of them.
   */
  public Optional<String> problem(String name, String value) {
    if (!List.of(HOURS, HOLIDAYS, ZONE).contains(name)) {
      return Optional.empty();
    }
    try {
      OpeningHours.parse(
          HOURS.equals(name) ? value : settings.openingHours(),
          HOLIDAYS.equals(name) ? value : settings.holidays(),
          ZONE.equals(name) ? value : settings.timeZone());
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  void check(@Observes SchemaMigrated migrated) {
    // Nothing to do: being notified creates the bean, and read() fails the start on a bad schedule.
  }

  public ClinicStatus now() {
    Instant now = clock.instant();
    OpeningHours hours = hours();
    boolean open = hours.isOpen(now);
    return new ClinicStatus(
        open,
        open ? null : hours.nextOpening(now).orElse(null),
        settings.openingHours(),
        hours.zone().getId(),
        settings.emergencyNumber());
  }

  /** Whether something that arrived then arrived while the clinic was closed. */
  public boolean outOfHours(Instant at) {
    return !hours().isOpen(at);
  }

  public String emergencyNumber() {
    return settings.emergencyNumber();
  }
}
