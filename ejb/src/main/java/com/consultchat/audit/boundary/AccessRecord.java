package com.consultchat.audit.boundary;

import java.time.Instant;

/**
 * One access to something of a person's, as their own copy of the audit trail shows it: who (the
 * account id, to name them, and the username and role recorded then), what and when.
 */
public record AccessRecord(
    Instant occurredAt,
    Long actorId,
    String actorUsername,
    String actorRole,
    boolean adminAccess,
    AuditAction action,
    AuditTarget targetType,
    Long targetId) {}
