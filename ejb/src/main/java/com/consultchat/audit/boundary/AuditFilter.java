package com.consultchat.audit.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.Locale;

/**
 * Which entries of the audit log to show or export; every part may be null (no narrowing). {@code
 * actor} is a username; {@code targetType} with {@code targetId} an object (a consultation, a file,
 * an account, a room); {@code from} inclusive and {@code until} exclusive.
 */
public record AuditFilter(
    String actor,
    AuditTarget targetType,
    Long targetId,
    AuditAction action,
    Instant from,
    Instant until)
    implements Serializable {

  public AuditFilter {
    actor = actor == null || actor.isBlank() ? null : actor.strip().toLowerCase(Locale.ROOT);
  }

  public static AuditFilter everything() {
    return new AuditFilter(null, null, null, null, null, null);
  }

  /** For the audit row of a reading or an export: codes and ids only, never content. */
  String describe() {
    return "actor="
        + (actor == null ? "any" : actor)
        + " object="
        + (targetType == null ? "any" : targetType + (targetId == null ? "" : "#" + targetId))
        + " action="
        + (action == null ? "any" : action)
        + " from="
        + (from == null ? "any" : from)
        + " until="
        + (until == null ? "any" : until);
  }
}
