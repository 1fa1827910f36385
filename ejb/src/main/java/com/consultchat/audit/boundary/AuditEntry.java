package com.consultchat.audit.boundary;

import com.consultchat.audit.entity.AuditEvent;
import java.io.Serializable;
import java.time.Instant;

/** One audit event as the administrator's log and its export show it. */
public record AuditEntry(
    long id,
    Instant occurredAt,
    String actorUsername,
    String actorRole,
    boolean adminAccess,
    String action,
    String actionLabel,
    String targetType,
    Long targetId,
    String detail,
    String clientAddress)
    implements Serializable {

  static AuditEntry of(AuditEvent event) {
    return new AuditEntry(
        event.id(),
        event.occurredAt(),
        event.actorUsername(),
        event.actorRole() == null ? null : event.actorRole().name(),
        event.adminAccess(),
        event.action().name(),
        event.action().label(),
        event.targetType().name(),
        event.targetId(),
        event.detail(),
        event.clientAddress());
  }
}
