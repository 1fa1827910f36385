package com.consultchat.privacy.entity;

import com.consultchat.platform.boundary.Refused;
import com.consultchat.privacy.boundary.ErasureStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A person's request to be erased, and the administrator's decision: pending until it is carried
 * out or declined with a reason the person reads. Decided once.
 */
@Entity
@Table(name = "erasure_request")
@NamedQuery(
    name = ErasureRequest.OF_ACCOUNT,
    query =
        "select r from ErasureRequest r where r.accountId = :account order by r.requestedAt desc")
@NamedQuery(
    name = ErasureRequest.ALL,
    query =
        "select r from ErasureRequest r order by"
            + " case when r.status = com.consultchat.privacy.boundary.ErasureStatus.PENDING"
            + " then 0 else 1 end, r.requestedAt desc")
public class ErasureRequest {

  public static final String OF_ACCOUNT = "ErasureRequest.ofAccount";
  public static final String ALL = "ErasureRequest.all";
  public static final int REASON_MAX = 500;

  @Id
  @SequenceGenerator(
      name = "erasure_request_seq",
      sequenceName = "erasure_request_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "erasure_request_seq")
  private Long id;

  @Column(name = "account_id")
  private long accountId;

  @Column(name = "requested_at")
  private Instant requestedAt;

  @Enumerated(EnumType.STRING)
  private ErasureStatus status;

  @Column(name = "decided_at")
  private Instant decidedAt;

  @Column(name = "decided_by")
  private Long decidedBy;

  private String reason;

  @Version private long version;

  protected ErasureRequest() {}

  public ErasureRequest(long accountId, Instant now) {
    this.accountId = accountId;
    this.requestedAt = now;
    this.status = ErasureStatus.PENDING;
  }

  public void carryOut(long adminId, Instant now) {
    decide(ErasureStatus.CARRIED_OUT, adminId, now, null);
  }

  public void decline(long adminId, Instant now, String rawReason) {
    String given = rawReason == null ? "" : rawReason.strip();
    if (given.isEmpty()) {
      throw Refused.invalid("erasure.reason.missing");
    }
    if (given.length() > REASON_MAX) {
      throw Refused.invalid("erasure.reason.long", REASON_MAX);
    }
    decide(ErasureStatus.DECLINED, adminId, now, given);
  }

  private void decide(ErasureStatus outcome, long adminId, Instant now, String why) {
    if (status != ErasureStatus.PENDING) {
      throw Refused.conflict("erasure.decided");
    }
    this.status = outcome;
    this.decidedBy = adminId;
    this.decidedAt = now;
    this.reason = why;
  }

  public Long id() {
    return id;
  }

  public long accountId() {
    return accountId;
  }

  public Instant requestedAt() {
    return requestedAt;
  }

  public ErasureStatus status() {
    return status;
  }

  public Instant decidedAt() {
    return decidedAt;
  }

  public String reason() {
    return reason;
  }
}
