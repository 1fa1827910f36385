package com.consultchat.audit.entity;

import com.consultchat.account.boundary.Role;
import com.consultchat.audit.boundary.AuditAction;
import com.consultchat.audit.boundary.AuditTarget;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the audit trail. Immutable: no column is updatable and there are no mutators; the
 * database refuses UPDATE and DELETE as well (a trigger, and no privilege for the application's
 * role), so an entry once written stays as it was. The database links each row into the hash chain
 * as it is inserted (chain_seq, prev_hash, row_hash: not mapped, the application never sets them).
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

  public static final int DETAIL_MAX = 500;

  @Id
  @SequenceGenerator(
      name = "audit_event_seq",
      sequenceName = "audit_event_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
  @Column(updatable = false)
  private Long id;

  @Column(name = "occurred_at", updatable = false)
  private Instant occurredAt;

  @Column(name = "actor_id", updatable = false)
  private Long actorId;

  @Column(name = "actor_username", updatable = false)
  private String actorUsername;

  @Enumerated(EnumType.STRING)
  @Column(name = "actor_role", updatable = false)
  private Role actorRole;

  @Column(name = "admin_access", updatable = false)
  private boolean adminAccess;

  @Enumerated(EnumType.STRING)
  @Column(updatable = false)
  private AuditAction action;

  @Enumerated(EnumType.STRING)
  @Column(name = "target_type", updatable = false)
  private AuditTarget targetType;

  @Column(name = "target_id", updatable = false)
  private Long targetId;

  @Column(updatable = false)
  private String detail;

  @Column(name = "client_address", updatable = false)
  private String clientAddress;

  protected AuditEvent() {}

  public AuditEvent(
      Instant occurredAt,
      long actorId,
      String actorUsername,
      Role actorRole,
      boolean adminAccess,
      AuditAction action,
      AuditTarget targetType,
      Long targetId,
      String detail) {
    this.occurredAt = Objects.requireNonNull(occurredAt);
    this.actorId = actorId;
    this.actorUsername = Objects.requireNonNull(actorUsername);
    this.actorRole = Objects.requireNonNull(actorRole);
    this.adminAccess = adminAccess;
    this.action = Objects.requireNonNull(action);
    this.targetType = Objects.requireNonNull(targetType);
    this.targetId = targetId;
    this.detail = shortened(detail);
  }

  /**
   * A login event: the actor may be unknown (a username no account has), and the client address is
   * kept.
   */
  public static AuditEvent login(
      Instant occurredAt,
      Long actorId,
      String actorUsername,
      Role actorRole,
      AuditAction action,
      Long targetAccount,
      String clientAddress,
      String detail) {
    AuditEvent event = new AuditEvent();
    event.occurredAt = Objects.requireNonNull(occurredAt);
    event.actorId = actorId;
    event.actorUsername = actorUsername;
    event.actorRole = actorRole;
    event.action = Objects.requireNonNull(action);
    event.targetType = AuditTarget.ACCOUNT;
    event.targetId = targetAccount;
    event.clientAddress =
        clientAddress == null
            ? null
            : clientAddress.substring(0, Math.min(64, clientAddress.length()));
    event.detail = shortened(detail);
    return event;
  }

  private static String shortened(String detail) {
    if (detail == null || detail.length() <= DETAIL_MAX) {
      return detail;
    }
    return detail.substring(0, DETAIL_MAX - 1) + "…";
  }

  public Long id() {
    return id;
  }

  public Instant occurredAt() {
    return occurredAt;
  }

  public Long actorId() {
    return actorId;
  }

  public String actorUsername() {
    return actorUsername;
  }

  public Role actorRole() {
    return actorRole;
  }

  public boolean adminAccess() {
    return adminAccess;
  }

  public AuditAction action() {
    return action;
  }

  public AuditTarget targetType() {
    return targetType;
  }

  public Long targetId() {
    return targetId;
  }

  public String detail() {
    return detail;
  }

  public String clientAddress() {
    return clientAddress;
  }
}
