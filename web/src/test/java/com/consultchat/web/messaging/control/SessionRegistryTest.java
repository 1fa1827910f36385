package com.consultchat.web.messaging.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SessionRegistryTest {

  @Test
  void theReconnectWindowIsASecondPerFiftySocketsBetweenFifteenAndSixty() {
    assertThat(SessionRegistry.reconnectWindowSeconds(0)).isEqualTo(15);
    assertThat(SessionRegistry.reconnectWindowSeconds(799)).isEqualTo(15);
    assertThat(SessionRegistry.reconnectWindowSeconds(1_000)).isEqualTo(20);
    assertThat(SessionRegistry.reconnectWindowSeconds(2_500)).isEqualTo(50);
    assertThat(SessionRegistry.reconnectWindowSeconds(6_000)).isEqualTo(60);
    assertThat(SessionRegistry.reconnectWindowSeconds(19_000)).isEqualTo(60);
  }
}
