package com.consultchat.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class EditableSettingTest {

  private final EditableSetting editWindow =
      Settings.editable("consultchat.edit.window.minutes").orElseThrow();

  @Test
  void aNumberInItsRangeIsAcceptedAndStoredWithoutPadding() {
    assertThat(editWindow.problem(" 5 ")).isEmpty();
    assertThat(editWindow.normalise(" 05 ")).contains("5");
  }

  @Test
  void aNumberOutsideItsRangeOrNotANumberIsRefusedSayingTheRange() {
    assertThat(editWindow.refusal("20000").orElseThrow())
        .hasMessage("setting.number.range.unit")
        .extracting(Refused::arguments)
        .isEqualTo(new Object[] {"consultchat.edit.window.minutes", 0, 10_080, "minutes", "20000"});
    assertThat(editWindow.problem("-1")).isPresent();
    assertThat(editWindow.problem("ten")).contains("setting.number.whole");
    assertThat(editWindow.problem("")).isPresent();
    assertThat(editWindow.normalise("ten")).isEmpty();
  }

  @Test
  void theFloorOfThePollIntervalCannotBeUndercut() {
    EditableSetting poll = Settings.editable("consultchat.poll.interval.seconds").orElseThrow();
    assertThat(poll.problem("1")).isPresent();
    assertThat(poll.problem("2")).isEmpty();
  }

  @Test
  void switchesAreOnOrOff() {
    EditableSetting receipts = Settings.editable("consultchat.read.receipts").orElseThrow();
    assertThat(receipts.normalise("TRUE")).contains("true");
    assertThat(receipts.problem("yes")).contains("setting.switch");
  }

  @Test
  void textMustBeOneLineAndOnlyHolidaysMayBeEmpty() {
    EditableSetting hours = Settings.editable("consultchat.opening.hours").orElseThrow();
    EditableSetting holidays = Settings.editable("consultchat.holidays").orElseThrow();
    assertThat(hours.problem("")).contains("setting.text.missing");
    assertThat(hours.problem("Mon 08:00-12:00\nTue")).isPresent();
    assertThat(holidays.problem("")).isEmpty();
    assertThat(hours.problem("x".repeat(EditableSetting.TEXT_MAX + 1))).isPresent();
  }

  @Test
  void whatTheDatabaseAndServerNeedFirstIsNotEditable() {
    assertThat(Settings.editable("consultchat.db.url")).isEmpty();
    assertThat(Settings.editable("consultchat.http.port")).isEmpty();
    assertThat(Settings.editable("consultchat.allowed.origins")).isEmpty();
    assertThat(Settings.editable())
        .extracting(EditableSetting::name)
        .contains("consultchat.retention.consultation.years", "consultchat.attachment.max.mb");
  }

  @Test
  void aStoredValueComesBeforeTheEnvironmentWhichStaysTheDefault() {
    Settings settings =
        new Settings(new Properties(), Map.of("CONSULTCHAT_EDIT_WINDOW_MINUTES", "30"));
    settings.overrides = overrides(Map.of("consultchat.edit.window.minutes", "5"));

    assertThat(settings.editWindowMinutes()).isEqualTo(5);
    assertThat(settings.current(editWindow)).isEqualTo("5");
    assertThat(settings.fallback(editWindow)).isEqualTo("30");
  }

  @Test
  void aStoredValueOutOfRangeFallsBackInsteadOfBreakingReaders() {
    Settings settings = new Settings(new Properties(), Map.of());
    settings.overrides = overrides(Map.of("consultchat.edit.window.minutes", "999999"));

    assertThat(settings.editWindowMinutes()).isEqualTo(15);
  }

  @Test
  void aStoredValueForASettingThatIsNotEditableIsIgnored() {
    Settings settings = new Settings(new Properties(), Map.of());
    settings.overrides = overrides(Map.of("consultchat.http.port", "9999"));

    assertThat(settings.httpPort()).isEqualTo(8080);
  }

  @Test
  void retentionDefaultsAreTenYearsForConsultationsAndOneYearForRooms() {
    Settings settings = new Settings(new Properties(), Map.of());
    assertThat(settings.consultationRetentionYears()).isEqualTo(10);
    assertThat(settings.roomRetentionDays()).isEqualTo(365);
  }

  private static SettingOverrides overrides(Map<String, String> stored) {
    return new SettingOverrides() {
      @Override
      public String get(String name) {
        return stored.get(name);
      }
    };
  }
}
