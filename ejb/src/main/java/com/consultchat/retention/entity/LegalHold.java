package com.consultchat.retention.entity;

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

/**
 * Keeps a consultation, or everything a person took part in, from being purged, for as long as it
 * is not released (litigation, an investigation). Released holds stay as the record of the time
 * they applied.
 */
@Entity
@Table(name = "legal_hold")
@NamedQuery(
    name = LegalHold.ACTIVE,
    query = "select h from LegalHold h where h.releasedAt is null order by h.placedAt desc")
@NamedQuery(
    name = LegalHold.ACTIVE_ON_CONSULTATION,
    query =
        "select count(h) from LegalHold h where h.releasedAt is null"
            + " and h.consultationId = :consultation")
@NamedQuery(
    name = LegalHold.ACTIVE_ON_ACCOUNT,
    query =
        "select count(h) from LegalHold h where h.releasedAt is null and h.accountId = :account")
public class LegalHold {

  public static final String ACTIVE = "LegalHold.active";
  public static final String ACTIVE_ON_CONSULTATION = "LegalHold.activeOnConsultation";
  public static final String ACTIVE_ON_ACCOUNT = "LegalHold.activeOnAccount";
  public static final int REASON_MAX = 500;

  @Id
  @SequenceGenerator(name = "legal_hold_seq", sequenceName = "legal_hold_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "legal_hold_seq")
  private Long id;

  @Column(name = "consultation_id")
  private Long consultationId;

  @Column(name = "account_id")
  private Long accountId;

  private String reason;

  @Column(name = "placed_by")
  private long placedBy;

  @Column(name = "placed_at")
  private Instant placedAt;

  @Column(name = "released_by")
  private Long releasedBy;

  @Column(name = "released_at")
  private Instant releasedAt;

  protected LegalHold() {}

  private LegalHold(Long consultationId, Long accountId, String reason, long by, Instant at) {
    this.consultationId = consultationId;
    this.accountId = accountId;
    this.reason = checkReason(reason);
    this.placedBy = by;
    this.placedAt = at;
  }

  public static LegalHold onConsultation(long consultation, String reason, long by, Instant at) {
    return new LegalHold(consultation, null, reason, by, at);
  }

  public static LegalHold onAccount(long account, String reason, long by, Instant at) {
    return new LegalHold(null, account, reason, by, at);
  }

  static String checkReason(String raw) {
    String reason = raw == null ? "" : raw.strip();
    if (reason.isEmpty()) {
      throw Refused.invalid("hold.reason.missing");
    }
    if (reason.length() > REASON_MAX) {
      throw Refused.invalid("hold.reason.long", REASON_MAX);
    }
    return reason;
  }

  public void release(long by, Instant at) {
    if (releasedAt != null) {
      throw Refused.conflict("hold.released.already");
    }
    this.releasedBy = by;
    this.releasedAt = at;
  }

  public long id() {
    return id;
  }

  public Long consultationId() {
    return consultationId;
  }

  public Long accountId() {
    return accountId;
  }

  public String reason() {
    return reason;
  }

  public Instant placedAt() {
    return placedAt;
  }

  public long placedBy() {
    return placedBy;
  }
}
