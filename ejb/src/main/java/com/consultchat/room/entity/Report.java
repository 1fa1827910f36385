package com.consultchat.room.entity;

import com.consultchat.platform.boundary.Refused;
import com.consultchat.platform.boundary.StorableText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A member's flag on a message, for the room's staff to look at and resolve. */
@Entity
@Table(name = "message_report")
@NamedQuery(
    name = Report.OPEN_IN,
    query =
        "select r from Report r where r.roomId in :rooms and r.resolvedAt is null"
            + " order by r.reportedAt")
@NamedQuery(
    name = Report.OPEN_BY,
    query =
        "select count(r) from Report r where r.messageId = :message and r.reporterId = :reporter"
            + " and r.resolvedAt is null")
public class Report {

  public static final String OPEN_IN = "Report.openIn";
  public static final String OPEN_BY = "Report.openBy";
  public static final int REASON_MAX = 500;

  @Id
  @SequenceGenerator(
      name = "message_report_seq",
      sequenceName = "message_report_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_report_seq")
  private Long id;

  @Column(name = "focus_group_id")
  private long roomId;

  @Column(name = "message_id")
  private long messageId;

  @Column(name = "reporter_id")
  private long reporterId;

  private String reason;

  @Column(name = "reported_at")
  private Instant reportedAt;

  @Column(name = "resolved_by")
  private Long resolvedBy;

  @Column(name = "resolved_at")
  private Instant resolvedAt;

  private String resolution;

  protected Report() {}

  public Report(long roomId, long messageId, long reporterId, String reason, Instant now) {
    this.roomId = roomId;
    this.messageId = messageId;
    this.reporterId = reporterId;
    this.reason = text(reason, "room.report-reason-needed");
    this.reportedAt = now;
  }

  public void resolve(long moderatorId, String resolution, Instant now) {
    if (resolvedAt != null) {
      throw Refused.conflict("room.report-already-resolved");
    }
    this.resolution = text(resolution, "room.resolution-needed");
    this.resolvedBy = moderatorId;
    this.resolvedAt = now;
  }

  private static String text(String raw, String missingKey) {
    String value = raw == null ? "" : StorableText.check(raw).strip();
    if (value.isEmpty()) {
      throw Refused.invalid(missingKey);
    }
    if (value.length() > REASON_MAX) {
      throw Refused.invalid("room.report-too-long", REASON_MAX);
    }
    return value;
  }

  public Long id() {
    return id;
  }

  public long roomId() {
    return roomId;
  }

  public long messageId() {
    return messageId;
  }

  public long reporterId() {
    return reporterId;
  }

  public String reason() {
    return reason;
  }

  public Instant reportedAt() {
    return reportedAt;
  }
}
