package com.consultchat.audit.entity;

/** The kind of thing an audit event is about. Stored by name. */
public enum AuditTarget {
  CONSULTATION,
  AUDIT_LOG
}
