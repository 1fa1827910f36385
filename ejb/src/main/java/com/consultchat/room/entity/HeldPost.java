package com.consultchat.room.entity;

import com.consultchat.platform.boundary.Refused;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A patient's post waiting for a moderator in a room that holds posts for review. It stays outside
 * the numbered stream until released, so nobody else sees it, or a gap where it would be.
 */
@Entity
@Table(name = "held_post")
@NamedQuery(
    name = HeldPost.WAITING,
    query =
        "select h from HeldPost h where h.roomId = :room and h.status = 'HELD'"
            + " order by h.heldAt, h.id")
@NamedQuery(
    name = HeldPost.BY_CLIENT_ID,
    query = "select h from HeldPost h where h.senderId = :sender and h.clientId = :clientId")
public class HeldPost {

  public static final String WAITING = "HeldPost.waiting";
  public static final String BY_CLIENT_ID = "HeldPost.byClientId";

  @Id
  @SequenceGenerator(name = "held_post_seq", sequenceName = "held_post_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "held_post_seq")
  private Long id;

  @Column(name = "focus_group_id")
  private long roomId;

  @Column(name = "sender_id")
  private long senderId;

  @Column(name = "client_id")
  private UUID clientId;

  private String body;

  @Column(name = "held_at")
  private Instant heldAt;

  private String status;

  @Column(name = "decided_by")
  private Long decidedBy;

  @Column(name = "decided_at")
  private Instant decidedAt;

  protected HeldPost() {}

  public HeldPost(long roomId, long senderId, UUID clientId, String body, Instant now) {
    this.roomId = roomId;
    this.senderId = senderId;
    this.clientId = clientId;
    this.body = body;
    this.heldAt = now;
    this.status = "HELD";
  }

  public void release(long moderatorId, Instant now) {
    decide("RELEASED", moderatorId, now);
  }

  public void reject(long moderatorId, Instant now) {
    decide("REJECTED", moderatorId, now);
  }

  private void decide(String outcome, long moderatorId, Instant now) {
    if (!"HELD".equals(status)) {
      throw Refused.conflict("room.post-already-reviewed");
    }
    status = outcome;
    decidedBy = moderatorId;
    decidedAt = now;
  }

  /** Whether a resend carries the same post. */
  public boolean sameAs(long roomId, String body) {
    return this.roomId == roomId && this.body.equals(body);
  }

  public Long id() {
    return id;
  }

  public long roomId() {
    return roomId;
  }

  public long senderId() {
    return senderId;
  }

  public UUID clientId() {
    return clientId;
  }

  public String body() {
    return body;
  }

  public Instant heldAt() {
    return heldAt;
  }

  public String status() {
    return status;
  }
}
