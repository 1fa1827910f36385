package com.consultchat.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SettingsTest {

  @Test
  void defaultsNeedNoConfiguration() {
    Settings settings = new Settings(new Properties(), Map.of());

    assertThat(settings.messageMaxLength()).isEqualTo(4000);
    assertThat(settings.adminUsername()).isEqualTo("admin");
    assertThat(settings.adminPassword()).isEmpty();
    assertThat(settings.demo()).isFalse();
    assertThat(settings.pollIntervalSeconds()).isEqualTo(10);
    assertThat(settings.forcePolling()).isFalse();
    assertThat(settings.allowedOrigins())
        .containsExactly("http://localhost:8080", "http://127.0.0.1:8080");
  }

  @Test
  void clinicSafetyDefaultsAndEnvironment() {
    Settings defaults = new Settings(new Properties(), Map.of());
    assertThat(defaults.emergencyNumber()).isEqualTo("112");
    assertThat(defaults.openingHours()).isEqualTo("Mon-Fri 08:00-18:00");
    assertThat(defaults.holidays()).isEmpty();
    assertThat(defaults.timeZone()).isEqualTo("UTC");

    Settings clinic =
        new Settings(
            new Properties(),
            Map.of(
                "CONSULTCHAT_EMERGENCY_NUMBER", "911", "CONSULTCHAT_TIME_ZONE", "America/Chicago"));
    assertThat(clinic.emergencyNumber()).isEqualTo("911");
    assertThat(clinic.timeZone()).isEqualTo("America/Chicago");
  }

  @Test
  void noSiteMayEmbedTheWidgetUntilNamed() {
    assertThat(new Settings(new Properties(), Map.of()).widgetOrigins()).isEmpty();
  }

  @Test
  void widgetOriginsKeepOnlyOriginsSoNothingElseReachesThePolicy() {
    Settings settings =
        new Settings(
            new Properties(),
            Map.of(
                "CONSULTCHAT_WIDGET_ORIGINS",
                " https://portal.example/ , *, http://localhost:8081,"
                    + " https://x.example; script-src *, 'self', http://[::1]:9000, ftp://a.example"));

    assertThat(settings.widgetOrigins())
        .containsExactly("https://portal.example", "http://localhost:8081", "http://[::1]:9000");
  }

  @Test
  void defaultOriginsFollowTheConfiguredPort() {
    Settings settings = new Settings(new Properties(), Map.of("CONSULTCHAT_HTTP_PORT", "9000"));

    assertThat(settings.allowedOrigins()).contains("http://localhost:9000");
  }

  @Test
  void systemPropertiesWinOverTheEnvironment() {
    Properties properties = new Properties();
    properties.setProperty("consultchat.message.max.length", "100");

    Settings settings = new Settings(properties, Map.of("CONSULTCHAT_MESSAGE_MAX_LENGTH", "200"));

    assertThat(settings.messageMaxLength()).isEqualTo(100);
  }

  @Test
  void originListsAreTrimmedAndLoseTrailingSlashes() {
    Settings settings =
        new Settings(
            new Properties(),
            Map.of("CONSULTCHAT_ALLOWED_ORIGINS", " https://clinic.example/ , https://b.example"));

    assertThat(settings.allowedOrigins())
        .containsExactly("https://clinic.example", "https://b.example");
  }

  @Test
  void nonsenseNumbersStopTheStartWithTheSettingsName() {
    Settings settings =
        new Settings(new Properties(), Map.of("CONSULTCHAT_MESSAGE_MAX_LENGTH", "lots"));

    assertThatThrownBy(settings::messageMaxLength)
        .hasMessageContaining("consultchat.message.max.length must be a number");
  }

  @Test
  void pollingFasterThanTheFloorIsRefusedAtStart() {
    Settings settings =
        new Settings(new Properties(), Map.of("CONSULTCHAT_POLL_INTERVAL_SECONDS", "1"));

    assertThatThrownBy(settings::pollIntervalSeconds).hasMessageContaining("between 2 and 300");
  }
}
