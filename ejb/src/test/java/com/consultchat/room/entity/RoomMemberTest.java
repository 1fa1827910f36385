package com.consultchat.room.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consultchat.platform.boundary.Refused;
import com.consultchat.room.boundary.MemberStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RoomMemberTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  @Test
  void anOpenRoomLetsInAtOnceAnApprovalRoomWaits() {
    assertThat(new RoomMember(1, 2, "Calm Heron 12", true, NOW).status())
        .isEqualTo(MemberStatus.ACTIVE);
    RoomMember waiting = new RoomMember(1, 2, "Calm Heron 12", false, NOW);
    assertThat(waiting.status()).isEqualTo(MemberStatus.REQUESTED);
    assertThat(waiting.isActive()).isFalse();

    waiting.approve(NOW);
    assertThat(waiting.isActive()).isTrue();
    assertThatThrownBy(() -> waiting.approve(NOW)).isInstanceOf(Refused.class);
  }

  @Test
  void aBanIsFinalButLeavingAndRemovalAreNot() {
    RoomMember member = new RoomMember(1, 2, "Quiet Owl", true, NOW);
    member.leave(NOW);
    member.rejoin("Quiet Owl", true, NOW);
    member.remove(NOW);
    member.rejoin("Other Name", false, NOW);
    assertThat(member.status()).isEqualTo(MemberStatus.REQUESTED);
    assertThat(member.pseudonym()).isEqualTo("Other Name");

    member.ban(NOW);
    assertThatThrownBy(() -> member.rejoin("Sneaky", true, NOW)).hasMessage("room.banned");
    assertThat(member.status()).isEqualTo(MemberStatus.BANNED);
  }

  @Test
  void aMuteLastsUntilItsEndAndOnlyMembersCanBeMuted() {
    RoomMember member = new RoomMember(1, 2, "Quiet Owl", true, NOW);
    member.muteUntil(NOW.plus(Duration.ofMinutes(15)));
    assertThat(member.isMutedAt(NOW.plus(Duration.ofMinutes(14)))).isTrue();
    assertThat(member.isMutedAt(NOW.plus(Duration.ofMinutes(15)))).isFalse();

    member.unmute();
    assertThat(member.isMutedAt(NOW)).isFalse();
    member.leave(NOW);
    assertThatThrownBy(() -> member.muteUntil(NOW.plusSeconds(60))).isInstanceOf(Refused.class);
  }

  @Test
  void aRejoinClearsAnOldMute() {
    RoomMember member = new RoomMember(1, 2, "Quiet Owl", true, NOW);
    member.muteUntil(NOW.plus(Duration.ofDays(1)));
    member.leave(NOW);
    member.rejoin("Quiet Owl", true, NOW);
    assertThat(member.isMutedAt(NOW)).isFalse();
  }
}
