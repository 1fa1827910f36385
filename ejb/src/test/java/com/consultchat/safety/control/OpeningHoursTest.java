package com.consultchat.safety.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OpeningHoursTest {

  private static final OpeningHours WEEKDAYS =
      OpeningHours.parse("Mon-Fri 08:00-18:00; Sat 09:00-12:00", "2026-12-25", "Europe/Berlin");

  @Test
  void openDuringTheDayAndClosedAtItsEnd() {
    // Wednesday 2026-12-02, Berlin is UTC+1 in winter.
    assertThat(WEEKDAYS.isOpen(Instant.parse("2026-12-02T07:00:00Z"))).isTrue();
    assertThat(WEEKDAYS.isOpen(Instant.parse("2026-12-02T16:59:59Z"))).isTrue();
    assertThat(WEEKDAYS.isOpen(Instant.parse("2026-12-02T17:00:00Z"))).isFalse();
    assertThat(WEEKDAYS.nextOpening(Instant.parse("2026-12-02T17:00:00Z")))
        .contains(Instant.parse("2026-12-03T07:00:00Z"));
  }

  @Test
  void justBeforeAndAfterLocalMidnightTheNextMorningIsTheSame() {
    Instant beforeMidnight = Instant.parse("2026-12-02T22:59:59Z"); // 23:59:59 in Berlin
    Instant afterMidnight = Instant.parse("2026-12-02T23:00:00Z"); // 00:00 on Thursday
    assertThat(WEEKDAYS.nextOpening(beforeMidnight))
        .contains(Instant.parse("2026-12-03T07:00:00Z"));
    assertThat(WEEKDAYS.nextOpening(afterMidnight)).contains(Instant.parse("2026-12-03T07:00:00Z"));
  }

  @Test
  void saturdayNoonToMondayMorning() {
    assertThat(WEEKDAYS.nextOpening(Instant.parse("2026-12-05T11:00:00Z")))
        .contains(Instant.parse("2026-12-07T07:00:00Z"));
  }

  @Test
  void aHolidayIsSkipped() {
    // Thursday evening before Christmas Day (a Friday): next is Saturday 09:00.
    assertThat(WEEKDAYS.nextOpening(Instant.parse("2026-12-24T18:00:00Z")))
        .contains(Instant.parse("2026-12-26T08:00:00Z"));
    assertThat(WEEKDAYS.isOpen(Instant.parse("2026-12-25T10:00:00Z"))).isFalse();
  }

  @Test
  void openingFollowsTheWallClockAcrossDaylightSavingChanges() {
    OpeningHours daily = OpeningHours.parse("Mon-Sun 08:00-18:00", "", "Europe/Berlin");
    // Clocks go forward on 2026-03-29: 08:00 is 06:00 UTC that day, 07:00 UTC the day before.
    assertThat(daily.nextOpening(Instant.parse("2026-03-28T18:00:00Z")))
        .contains(Instant.parse("2026-03-29T06:00:00Z"));
    assertThat(daily.isOpen(Instant.parse("2026-03-29T06:30:00Z"))).isTrue();
    // Clocks go back on 2026-10-25: 08:00 is 07:00 UTC that day.
    assertThat(daily.nextOpening(Instant.parse("2026-10-24T20:00:00Z")))
        .contains(Instant.parse("2026-10-25T07:00:00Z"));
    assertThat(daily.isOpen(Instant.parse("2026-10-25T06:30:00Z"))).isFalse();
  }

  @Test
  void anHourSkippedByTheClocksOpensWhenTheClocksDo() {
    OpeningHours night = OpeningHours.parse("Sun 02:30-05:00", "", "Europe/Berlin");
    // 02:30 does not exist on 2026-03-29; the clinic opens at 03:30 CEST = 01:30 UTC.
    assertThat(night.nextOpening(Instant.parse("2026-03-28T12:00:00Z")))
        .contains(Instant.parse("2026-03-29T01:30:00Z"));
  }

  @Test
  void anOvernightPeriodRunsPastMidnight() {
    OpeningHours nights = OpeningHours.parse("Fri 22:00-06:00", "", "UTC");
    assertThat(nights.isOpen(Instant.parse("2026-12-04T23:59:00Z"))).isTrue();
    assertThat(nights.isOpen(Instant.parse("2026-12-05T00:00:00Z"))).isTrue();
    assertThat(nights.isOpen(Instant.parse("2026-12-05T06:00:00Z"))).isFalse();
  }

  @Test
  void alwaysIsAlwaysOpenAcrossMidnight() {
    OpeningHours always = OpeningHours.parse("always", "", "UTC");
    assertThat(always.isOpen(Instant.parse("2026-12-06T23:59:59Z"))).isTrue();
    assertThat(always.isOpen(Instant.parse("2026-12-07T00:00:00Z"))).isTrue();
  }

  @Test
  void aScheduleWithNoOpenDayHasNoNextOpening() {
    OpeningHours none = OpeningHours.parse("", "", "UTC");
    assertThat(none.nextOpening(Instant.parse("2026-12-06T12:00:00Z"))).isEmpty();
  }

  @Test
  void badSettingsAreRefusedWithWhatWasWrong() {
    assertThatThrownBy(() -> OpeningHours.parse("Mon-Fri 8-18", "", "UTC"))
        .hasMessageContaining("Mon-Fri 8-18");
    assertThatThrownBy(() -> OpeningHours.parse("Mon-Fri 08:00-25:00", "", "UTC"))
        .hasMessageContaining("25:00");
    assertThatThrownBy(() -> OpeningHours.parse("always", "25.12.2026", "UTC"))
        .hasMessageContaining("25.12.2026");
    assertThatThrownBy(() -> OpeningHours.parse("always", "", "Mars/Olympus"))
        .hasMessageContaining("Mars/Olympus");
  }
}
