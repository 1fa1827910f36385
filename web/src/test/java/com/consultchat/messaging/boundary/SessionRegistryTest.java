package com.consultchat.messaging.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionRegistryTest {

  @Test
  void theReconnectWindowIsAboutASecondPerHundredSocketsBetweenTenAndSixty() {
    assertThat(SessionRegistry.reconnectWindowSeconds(0)).isEqualTo(10);
    assertThat(SessionRegistry.reconnectWindowSeconds(1_099)).isEqualTo(10);
    assertThat(SessionRegistry.reconnectWindowSeconds(2_500)).isEqualTo(25);
    assertThat(SessionRegistry.reconnectWindowSeconds(6_000)).isEqualTo(60);
    assertThat(SessionRegistry.reconnectWindowSeconds(19_000)).isEqualTo(60);
  }
}
