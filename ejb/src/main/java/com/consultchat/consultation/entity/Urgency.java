package com.consultchat.consultation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A consultation's flag: the patient wrote something that may be an emergency. Raised once, by the
 * first such message (seq 0: the request's subject), and never lowered: staff see at a glance that
 * this patient once needed more than a chat.
 */
@Entity
@Table(name = "consultation_urgency")
@NamedQuery(name = Urgency.AMONG, query = "select u from Urgency u where u.consultationId in :ids")
public class Urgency {

  public static final String AMONG = "Urgency.among";

  @Id
  @Column(name = "consultation_id")
  private Long consultationId;

  @Column(name = "raised_at")
  private Instant raisedAt;

  @Column(name = "message_seq")
  private long messageSeq;

  protected Urgency() {}

  public Urgency(long consultationId, long messageSeq, Instant now) {
    this.consultationId = consultationId;
    this.messageSeq = messageSeq;
    this.raisedAt = now;
  }

  public long consultationId() {
    return consultationId;
  }

  public Instant raisedAt() {
    return raisedAt;
  }
}
