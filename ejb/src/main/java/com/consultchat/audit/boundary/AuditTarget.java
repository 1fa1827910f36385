package com.consultchat.audit.boundary;

/** The kind of thing an audit event is about. Stored by name. */
public enum AuditTarget {
  CONSULTATION,
  AUDIT_LOG,
  ACCOUNT,
  ROOM,
  FILE,
  SETTING,
  LEGAL_HOLD
}
