package com.consultchat.web.safety.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.consultchat.web.platform.boundary.WordsFixture;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ClinicViewTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private final ClinicView view = new ClinicView();

  private ClinicView at(String instant) {
    view.words = WordsFixture.clinic();
    view.clock = Clock.fixed(Instant.parse(instant), ZoneId.of("UTC"));
    return view;
  }

  @Test
  void theSameDayInTheClinicsZoneIsToday() {
    assertThat(
            at("2026-12-04T06:00:00Z")
                .describe(ZonedDateTime.of(2026, 12, 4, 8, 0, 0, 0, BERLIN), Locale.ENGLISH))
        .isEqualTo("from today at 08:00 (Europe/Berlin time)");
  }

  @Test
  void afterMidnightInTheClinicsZoneTheNextDayIsTomorrowEvenIfItIsStillTodayInUtc() {
    // 23:30 UTC on Friday is already Saturday 00:30 in Berlin: Saturday 09:00 is today there.
    assertThat(
            at("2026-12-04T23:30:00Z")
                .describe(ZonedDateTime.of(2026, 12, 5, 9, 0, 0, 0, BERLIN), Locale.ENGLISH))
        .isEqualTo("from today at 09:00 (Europe/Berlin time)");
    assertThat(
            at("2026-12-04T22:30:00Z")
                .describe(ZonedDateTime.of(2026, 12, 5, 9, 0, 0, 0, BERLIN), Locale.ENGLISH))
        .isEqualTo("from tomorrow at 09:00 (Europe/Berlin time)");
  }

  @Test
  void laterDaysAreNamed() {
    assertThat(
            at("2026-12-05T12:00:00Z")
                .describe(ZonedDateTime.of(2026, 12, 7, 8, 0, 0, 0, BERLIN), Locale.ENGLISH))
        .isEqualTo("from Monday 7 December at 08:00 (Europe/Berlin time)");
  }

  @Test
  void inGerman() {
    assertThat(
            at("2026-12-05T12:00:00Z")
                .describe(ZonedDateTime.of(2026, 12, 7, 8, 0, 0, 0, BERLIN), Locale.GERMAN))
        .isEqualTo("ab Montag, 7. Dezember um 08:00 Uhr (Zeitzone Europe/Berlin)");
  }
}
