package com.consultchat.safety.control;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When the clinic answers: a weekly schedule in the clinic's time zone, less its holidays. Times
 * are wall-clock times of that zone, so 08:00 stays 08:00 across a daylight-saving change; an hour
 * that does not exist that day (skipped forward) starts when the clocks do. A period whose end is
 * not after its start (22:00-06:00) runs into the next day; 24:00 is midnight at the day's end.
 */
public final class OpeningHours {

  /** Far enough to pass a year of holidays; a schedule with no open day at all has no answer. */
  private static final int DAYS_AHEAD = 400;

  private static final Pattern RULE =
      Pattern.compile(
          "([A-Za-z]{3})(?:\\s*-\\s*([A-Za-z]{3}))?\\s+(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");
  private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");

  private record Period(Set<DayOfWeek> days, int startMinute, int endMinute) {}

  private final List<Period> periods;
  private final Set<LocalDate> holidays;
  private final ZoneId zone;

  private OpeningHours(List<Period> periods, Set<LocalDate> holidays, ZoneId zone) {
    this.periods = periods;
    this.holidays = holidays;
    this.zone = zone;
  }

  /**
   * Reads {@code Mon-Fri 08:00-18:00; Sat 09:00-12:00} (or {@code always}), holidays as ISO dates
   * separated by commas, and a zone id. Anything else is refused with what was wrong.
   */
  public static OpeningHours parse(String schedule, String holidays, String zone) {
    ZoneId zoneId;
    try {
      zoneId = ZoneId.of(zone.strip());
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Unknown time zone: " + zone, e);
    }
    List<Period> periods = new ArrayList<>();
    if (schedule.strip().equalsIgnoreCase("always")) {
      periods.add(new Period(EnumSet.allOf(DayOfWeek.class), 0, 24 * 60));
    } else {
      for (String rule : schedule.split(";")) {
        if (!rule.isBlank()) {
          periods.add(period(rule.strip()));
        }
      }
    }
    Set<LocalDate> days = new HashSet<>();
    for (String day : holidays.split(",")) {
      if (!day.isBlank()) {
        try {
          days.add(LocalDate.parse(day.strip()));
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException("A holiday must be a date like 2026-12-25: " + day, e);
        }
      }
    }
    periods.sort(Comparator.comparingInt(Period::startMinute));
    return new OpeningHours(List.copyOf(periods), Set.copyOf(days), zoneId);
  }

  private static Period period(String rule) {
    Matcher matcher = RULE.matcher(rule);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "Opening hours must read like \"Mon-Fri 08:00-18:00; Sat 09:00-12:00\", not: " + rule);
    }
    int from = day(matcher.group(1), rule);
    int to = matcher.group(2) == null ? from : day(matcher.group(2), rule);
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (int d = from; ; d = (d + 1) % 7) {
      days.add(DayOfWeek.of(d + 1));
      if (d == to) {
        break;
      }
    }
    return new Period(days, minute(matcher.group(3), rule), minute(matcher.group(4), rule));
  }

  private static int day(String name, String rule) {
    int index = DAYS.indexOf(name.toLowerCase(Locale.ROOT));
    if (index < 0) {
      throw new IllegalArgumentException("Unknown day \"" + name + "\" in opening hours: " + rule);
    }
    return index;
  }

  private static int minute(String time, String rule) {
    String[] parts = time.split(":");
    int hours = Integer.parseInt(parts[0]);
    int minutes = Integer.parseInt(parts[1]);
    if (hours > 24 || minutes > 59 || (hours == 24 && minutes > 0)) {
      throw new IllegalArgumentException("No such time \"" + time + "\" in opening hours: " + rule);
    }
    return hours * 60 + minutes;
  }

  public ZoneId zone() {
    return zone;
  }

  public boolean isOpen(Instant at) {
    return nextOpening(at).filter(at::equals).isPresent();
  }

  /** {@code at} itself while open; otherwise when the clinic opens next; empty if it never does. */
  public Optional<Instant> nextOpening(Instant at) {
    LocalDate today = at.atZone(zone).toLocalDate();
    Instant best = null;
    // Yesterday too: a period that started then may run past midnight.
    for (LocalDate date = today.minusDays(1);
        date.isBefore(today.plusDays(DAYS_AHEAD))
            && (best == null || !date.isAfter(day(best).plusDays(1)));
        date = date.plusDays(1)) {
      if (holidays.contains(date)) {
        continue;
      }
      for (Period period : periods) {
        if (!period.days().contains(date.getDayOfWeek())) {
          continue;
        }
        Instant start = at(date, period.startMinute());
        Instant end =
            period.endMinute() > period.startMinute()
                ? at(date, period.endMinute())
                : at(date.plusDays(1), period.endMinute());
        if (!at.isBefore(start) && at.isBefore(end)) {
          return Optional.of(at);
        }
        if (start.isAfter(at) && (best == null || start.isBefore(best))) {
          best = start;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  private LocalDate day(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }

  /** The wall-clock minute of a day in the zone; 24:00 is the next day's start. */
  private Instant at(LocalDate date, int minute) {
    if (minute == 24 * 60) {
      return date.plusDays(1).atStartOfDay(zone).toInstant();
    }
    return ZonedDateTime.of(date, LocalTime.of(minute / 60, minute % 60), zone).toInstant();
  }
}
