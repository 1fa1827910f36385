package com.consultchat.web.consultation.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AppointmentWindowTest {

  @Test
  void localTimesAreReadInTheBrowsersZone() {
    AppointmentWindow window =
        AppointmentWindow.parse("2026-11-24T14:00", "2026-11-24T14:30", "Europe/Berlin");

    assertThat(window.start()).isEqualTo(Instant.parse("2026-11-24T13:00:00Z"));
    assertThat(window.end()).isEqualTo(Instant.parse("2026-11-24T13:30:00Z"));
  }

  @Test
  void missingOrMangledInputIsRefusedWithWhatIsWrong() {
    assertThatThrownBy(() -> AppointmentWindow.parse("", "2026-11-24T14:30", "UTC"))
        .hasMessage("appointment.start.missing");
    assertThatThrownBy(() -> AppointmentWindow.parse("2026-11-24T14:00", "tomorrow", "UTC"))
        .hasMessage("appointment.end.unreadable");
    assertThatThrownBy(
            () -> AppointmentWindow.parse("2026-11-24T14:00", "2026-11-24T15:00", "Mars/Base"))
        .hasMessage("appointment.zone.unknown");
  }
}
