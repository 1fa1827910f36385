package com.consultchat.room.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consultchat.platform.boundary.Refused;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RoomTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void aRoomNeedsANameATopicAndAJoinPolicy() {
    assertThatThrownBy(() -> room(" ", "Asthma", JoinPolicy.OPEN)).hasMessage("room.name-needed");
    assertThatThrownBy(() -> room("Breathing", "", JoinPolicy.OPEN))
        .hasMessage("room.topic-needed");
    assertThatThrownBy(() -> room("Breathing", "Asthma", null)).isInstanceOf(Refused.class);
    assertThatThrownBy(() -> room("x".repeat(121), "Asthma", JoinPolicy.OPEN))
        .hasMessage("room.name-too-long");
  }

  @Test
  void anArchivedRoomRefusesChanges() {
    Room room = room(" Breathing ", "Asthma", JoinPolicy.APPROVAL);
    assertThat(room.name()).isEqualTo("Breathing");
    room.archive(NOW);
    room.archive(NOW.plusSeconds(5));

    assertThat(room.isArchived()).isTrue();
    assertThatThrownBy(room::requireOpen).hasMessage("room.archived");
    assertThatThrownBy(() -> room.holdForReview(true)).isInstanceOf(Refused.class);
  }

  private static Room room(String name, String topic, JoinPolicy policy) {
    return new Room(1, name, topic, "", policy, false, 7, NOW);
  }
}
