package com.consultchat.web.messaging.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.consultchat.account.boundary.SessionEnded;
import com.consultchat.platform.boundary.Notification;
import com.consultchat.platform.boundary.Notifications;
import jakarta.websocket.CloseReason;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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

  @Test
  void aSessionThatEndsHereEndsThePersonsSocketsOnTheOtherNodesTooUnlessThisNodeStops() {
    List<Notification> toOtherNodes = new ArrayList<>();
    Disconnects disconnects = sendingTo(toOtherNodes);
    FakeSocket socket = new FakeSocket("s1");
    disconnects.registry.open(socket.session, SessionRegistryTest.ANNA);

    disconnects.sessionEnded(SessionRegistryTest.ANNA.id());

    assertThat(socket.closedWith.getCloseCode()).isEqualTo(CloseReason.CloseCodes.VIOLATED_POLICY);
    assertThat(toOtherNodes).containsExactly(new SessionEnded(SessionRegistryTest.ANNA.id()));

    disconnects.registry.closed(socket.session);
    disconnects.forRestart();
    disconnects.sessionEnded(SessionRegistryTest.BEN.id());
    assertThat(toOtherNodes).hasSize(1);
  }

  @Test
  void aNodeThatResumesInsteadOfStoppingTellsTheOthersAgain() {
    List<Notification> toOtherNodes = new ArrayList<>();
    Disconnects disconnects = sendingTo(toOtherNodes);

    disconnects.forRestart();
    disconnects.resumed();
    disconnects.sessionEnded(SessionRegistryTest.BEN.id());

    assertThat(toOtherNodes).containsExactly(new SessionEnded(SessionRegistryTest.BEN.id()));
  }

  private static Disconnects sendingTo(List<Notification> toOtherNodes) {
    Disconnects disconnects = new Disconnects();
    disconnects.registry = new SessionRegistry();
    disconnects.notifications =
        new Notifications() {
          @Override
          public void toOtherNodes(Notification notification) {
            toOtherNodes.add(notification);
          }
        };
    disconnects.presences =
        new Presences() {
          @Override
          void stopping(Collection<Long> connected) {}
        };
    return disconnects;
  }
}
