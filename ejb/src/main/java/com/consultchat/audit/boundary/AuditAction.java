package com.consultchat.audit.boundary;

/** What was done. Stored by name, so constants may be added but never renamed. */
public enum AuditAction {
  TRANSCRIPT_VIEWED,
  TRANSCRIPT_DOWNLOADED,
  CONSULTATION_OPENED,
  CONSULTATIONS_LISTED,
  AUDIT_LOG_READ,
  LOGIN_SUCCEEDED,
  LOGIN_FAILED,
  LOGIN_LOCKED_OUT,
  LOGIN_ADDRESS_LOCKED_OUT,
  LOGIN_UNLOCKED
}
