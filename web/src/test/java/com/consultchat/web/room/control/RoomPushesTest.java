package com.consultchat.web.room.control;

import static com.consultchat.web.messaging.control.SocketsFixture.PATIENT;
import static com.consultchat.web.messaging.control.SocketsFixture.STAFF;
import static org.assertj.core.api.Assertions.assertThat;

import com.consultchat.room.boundary.RoomChanged;
import com.consultchat.room.boundary.RoomEmergency;
import com.consultchat.web.messaging.control.SocketsFixture;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RoomPushesTest {

  private final SocketsFixture sockets = new SocketsFixture();
  private final RoomPushes roomPushes = new RoomPushes();

  @BeforeEach
  void start() {
    roomPushes.pushes = sockets.pushes();
    roomPushes.start(null);
  }

  @Test
  void aRoomChangeTellsEachRecipientTheRoomOnly() {
    sockets.commit(new RoomChanged(7, Set.of(PATIENT.id(), STAFF.id())));
    assertThat(sockets.sentTo(PATIENT)).isEmpty();
    sockets.runLanes();

    assertThat(sockets.sentTo(PATIENT)).containsExactly("{\"room\":7,\"type\":\"room\"}");
    assertThat(sockets.sentTo(STAFF)).containsExactly("{\"room\":7,\"type\":\"room\"}");
  }

  @Test
  void aRoomChangeReachesNobodyElse() {
    sockets.commit(new RoomChanged(7, Set.of(STAFF.id())));
    sockets.runLanes();

    assertThat(sockets.sentTo(PATIENT)).isEmpty();
    assertThat(sockets.sentTo(STAFF)).hasSize(1);
  }

  @Test
  void anEmergencyPostIsFlaggedToTheRoomsStaffAndItsWriterIsToldWhatToDo() {
    sockets.commit(new RoomEmergency(7, 70, 5, PATIENT.id(), Set.of(STAFF.id())));
    sockets.runLanes();

    assertThat(sockets.sentTo(PATIENT))
        .containsExactly("{\"conversation\":70,\"room\":7,\"seq\":5,\"type\":\"emergency\"}");
    assertThat(sockets.sentTo(STAFF))
        .containsExactly("{\"conversation\":70,\"room\":7,\"seq\":5,\"type\":\"urgent\"}");
  }
}
