package com.consultchat.room.entity;

import com.consultchat.platform.boundary.Refused;
import com.consultchat.room.boundary.MemberStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;

/**
 * A person's standing in a room: asked, in, muted, gone or banned, and the pseudonym the room's
 * patients know them by. The row outlives leaving, so a ban holds and old posts keep their name.
 */
@Entity
@Table(name = "focus_group_member")
@IdClass(RoomMember.Key.class)
@NamedQuery(
    name = RoomMember.OF_ROOM,
    query = "select m from RoomMember m where m.roomId = :room order by lower(m.pseudonym)")
@NamedQuery(
    name = RoomMember.OF_ACCOUNT,
    query = "select m from RoomMember m where m.accountId = :account")
@NamedQuery(
    name = RoomMember.PSEUDONYM_TAKEN,
    query =
        "select count(m) from RoomMember m where m.roomId = :room"
            + " and lower(m.pseudonym) = lower(:pseudonym) and m.accountId <> :account")
public class RoomMember {

  public static final String OF_ROOM = "RoomMember.ofRoom";
  public static final String OF_ACCOUNT = "RoomMember.ofAccount";
  public static final String PSEUDONYM_TAKEN = "RoomMember.pseudonymTaken";

  private static final java.util.random.RandomGenerator HANDLES = new java.security.SecureRandom();

  @Id
  @Column(name = "focus_group_id")
  private long roomId;

  @Id
  @Column(name = "account_id")
  private long accountId;

  private String pseudonym;

  /**
   * Who this member is to the room's other members: a random number instead of the account id,
   * which would let patients recognise each other across rooms. It stays for the life of the row.
   */
  private long handle;

  @Enumerated(EnumType.STRING)
  private MemberStatus status;

  @Column(name = "muted_until")
  private Instant mutedUntil;

  @Column(name = "requested_at")
  private Instant requestedAt;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Version private long version;

  protected RoomMember() {}

  /** A new member: in at once ({@code open}) or waiting for a decision. */
  public RoomMember(long roomId, long accountId, String pseudonym, boolean open, Instant now) {
    this.roomId = roomId;
    this.accountId = accountId;
    this.pseudonym = pseudonym;
    this.handle = newHandle();
    this.requestedAt = now;
    this.status = open ? MemberStatus.ACTIVE : MemberStatus.REQUESTED;
    this.decidedAt = open ? now : null;
  }

  /** Someone who left, was removed or declined asks again; a ban is final. */
  public void rejoin(String pseudonym, boolean open, Instant now) {
    switch (status) {
      case BANNED -> throw Refused.forbidden("room.banned");
      case ACTIVE -> throw Refused.conflict("room.already-member");
      case REQUESTED -> throw Refused.conflict("room.request-waiting");
      default -> {
        this.pseudonym = pseudonym;
        this.status = open ? MemberStatus.ACTIVE : MemberStatus.REQUESTED;
        this.requestedAt = now;
        this.decidedAt = open ? now : null;
        this.mutedUntil = null;
      }
    }
  }

  public void approve(Instant now) {
    requireRequested();
    status = MemberStatus.ACTIVE;
    decidedAt = now;
  }

  public void decline(Instant now) {
    requireRequested();
    status = MemberStatus.DECLINED;
    decidedAt = now;
  }

  public void leave(Instant now) {
    if (status != MemberStatus.ACTIVE && status != MemberStatus.REQUESTED) {
      throw Refused.conflict("room.not-member");
    }
    status = MemberStatus.LEFT;
    decidedAt = now;
  }

  public void remove(Instant now) {
    if (status != MemberStatus.ACTIVE) {
      throw Refused.conflict("room.remove-members-only");
    }
    status = MemberStatus.REMOVED;
    decidedAt = now;
  }

  /** Banned members are out and cannot come back; a ban also works on someone already gone. */
  public void ban(Instant now) {
    status = MemberStatus.BANNED;
    decidedAt = now;
  }

  public void muteUntil(Instant until) {
    if (status != MemberStatus.ACTIVE) {
      throw Refused.conflict("room.mute-members-only");
    }
    mutedUntil = until;
  }

  public void unmute() {
    mutedUntil = null;
  }

  public void rename(String pseudonym) {
    if (status != MemberStatus.ACTIVE && status != MemberStatus.REQUESTED) {
      throw Refused.conflict("room.not-member");
    }
    this.pseudonym = pseudonym;
  }

  public boolean isMutedAt(Instant now) {
    return mutedUntil != null && mutedUntil.isAfter(now);
  }

  public boolean isActive() {
    return status == MemberStatus.ACTIVE;
  }

  private void requireRequested() {
    if (status != MemberStatus.REQUESTED) {
      throw Refused.conflict("room.no-waiting-request");
    }
  }

  public long roomId() {
    return roomId;
  }

  public long accountId() {
    return accountId;
  }

  public String pseudonym() {
    return pseudonym;
  }

  public long handle() {
    return handle;
  }

  /** Positive and below 2^53, so browsers read it exactly. */
  private static long newHandle() {
    return 1 + HANDLES.nextLong((1L << 53) - 1);
  }

  public MemberStatus status() {
    return status;
  }

  public Instant mutedUntil() {
    return mutedUntil;
  }

  public Instant requestedAt() {
    return requestedAt;
  }

  /** The composite key; JPA wants a mutable class with a no-argument constructor. */
  public static class Key implements Serializable {
    private long roomId;
    private long accountId;

    public Key() {}

    public Key(long roomId, long accountId) {
      this.roomId = roomId;
      this.accountId = accountId;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && key.roomId == roomId && key.accountId == accountId;
    }

    @Override
    public int hashCode() {
      return Long.hashCode(roomId) * 31 + Long.hashCode(accountId);
    }
  }
}
