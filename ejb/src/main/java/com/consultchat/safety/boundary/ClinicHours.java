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

/**
 * The clinic's opening hours and emergency number, as the settings give them. Read once: a schedule
 * that cannot be read stops the start with what was wrong, rather than every page later. Public
 * information, so anyone may ask, logged in or not.
 */
@ApplicationScoped
public class ClinicHours {

  @Inject Settings settings;
  @Inject Clock clock;

  private OpeningHours hours;

  @PostConstruct
  void read() {
    try {
      hours = OpeningHours.parse(settings.openingHours(), settings.holidays(), settings.timeZone());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("Setting consultchat.opening.hours: " + e.getMessage(), e);
    }
  }

  void check(@Observes SchemaMigrated migrated) {
    // Nothing to do: being notified creates the bean, and read() fails the start on a bad schedule.
  }

  public ClinicStatus now() {
    Instant now = clock.instant();
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
    return !hours.isOpen(at);
  }

  public String emergencyNumber() {
    return settings.emergencyNumber();
  }
}
