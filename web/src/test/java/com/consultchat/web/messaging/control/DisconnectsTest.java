package com.consultchat.web.messaging.control;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.websocket.CloseReason;
import org.junit.jupiter.api.Test;

class DisconnectsTest {

  @Test
  void theReconnectWindowIsASecondPerFiftySocketsBetweenFifteenAndSixty() {
    assertThat(Disconnects.reconnectWindowSeconds(0)).isEqualTo(15);
    assertThat(Disconnects.reconnectWindowSeconds(799)).isEqualTo(15);
    assertThat(Disconnects.reconnectWindowSeconds(1_000)).isEqualTo(20);
    assertThat(Disconnects.reconnectWindowSeconds(2_500)).isEqualTo(50);
    assertThat(Disconnects.reconnectWindowSeconds(6_000)).isEqualTo(60);
    assertThat(Disconnects.reconnectWindowSeconds(19_000)).isEqualTo(60);
  }

  @Test
  void theEndOfALoginClosesAllOfThatPersonsSocketsAndNoOthers() {
    Disconnects disconnects = new Disconnects();
    disconnects.registry = new SessionRegistry();
    FakeSocket first = new FakeSocket("s1");
    FakeSocket second = new FakeSocket("s2");
    FakeSocket other = new FakeSocket("s3");
    disconnects.registry.open(first.session, SessionRegistryTest.ANNA);
    disconnects.registry.open(second.session, SessionRegistryTest.ANNA);
    disconnects.registry.open(other.session, SessionRegistryTest.BEN);

    disconnects.ofAccount(SessionRegistryTest.ANNA.id());

    assertThat(first.closedWith.getCloseCode()).isEqualTo(CloseReason.CloseCodes.VIOLATED_POLICY);
    assertThat(second.closedWith.getCloseCode()).isEqualTo(CloseReason.CloseCodes.VIOLATED_POLICY);
    assertThat(other.closedWith).isNull();
  }
}
