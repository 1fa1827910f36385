package com.consultchat.web.messaging.boundary;

import static com.consultchat.web.messaging.control.SocketsFixture.PATIENT;
import static com.consultchat.web.messaging.control.SocketsFixture.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import com.consultchat.platform.boundary.Notification;
import com.consultchat.web.messaging.control.SocketsFixture;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PushesTest {

  private final SocketsFixture sockets = new SocketsFixture();
  private final Pushes pushes = sockets.pushes();

  @Test
  void aFrameForPeopleIsEncodedOnceAndReachesThemThroughTheirLanes() {
    pushes.toPeople(Set.of(PATIENT.id(), 99L), new Nudge(3));
    assertThat(sockets.sentTo(PATIENT)).isEmpty();

    sockets.runLanes();

    assertThat(sockets.sentTo(PATIENT)).containsExactly("{\"count\":3,\"type\":\"nudge\"}");
    assertThat(sockets.sentTo(STAFF)).isEmpty();
  }

  @Test
  void aFrameForStaffReachesStaffOnlyThroughTheirLanes() {
    pushes.toStaff(new Nudge(1));
    assertThat(sockets.sentTo(STAFF)).isEmpty();

    sockets.runLanes();

    assertThat(sockets.sentTo(STAFF)).containsExactly("{\"count\":1,\"type\":\"nudge\"}");
    assertThat(sockets.sentTo(PATIENT)).isEmpty();
  }

  @Test
  void aFeatureRoutesItsOwnKindOfNotificationToItsOwnFrame() {
    pushes.on(Nudged.class, nudged -> pushes.toPeople(nudged.recipients(), new Nudge(2)));

    sockets.commit(new Nudged(Set.of(STAFF.id())));
    sockets.runLanes();

    assertThat(sockets.sentTo(STAFF)).containsExactly("{\"count\":2,\"type\":\"nudge\"}");
    assertThat(sockets.sentTo(PATIENT)).isEmpty();
  }

  @Test
  void nothingIsPushedForAKindNoFeatureRoutes() {
    pushes.on(Nudged.class, nudged -> pushes.toStaff(new Nudge(2)));

    sockets.commit(new Notification() {});
    sockets.runLanes();

    assertThat(List.of(sockets.sentTo(PATIENT), sockets.sentTo(STAFF))).allMatch(List::isEmpty);
  }

  /** Another feature's frame and notification, unknown to messaging. */
  public record Nudge(String type, int count) implements Frame {
    public Nudge(int count) {
      this("nudge", count);
    }
  }

  private record Nudged(Set<Long> recipients) implements Notification {}
}
