package com.consultchat.audit.boundary;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The kind of thing an audit event is about. Stored by name. Its words are in {@code
 * AuditLabels.properties} under {@code target.NAME} (a unit test fails until they are).
 */
public enum AuditTarget {
  CONSULTATION,
  AUDIT_LOG,
  ACCOUNT,
  ROOM,
  FILE,
  SETTING,
  LEGAL_HOLD,
  /** A conversation's messages (none named: a search over all of them). */
  CONVERSATION;

  /** The kind in words, as the log shows it ("Consultation"). */
  public String label() {
    try {
      return ResourceBundle.getBundle(
              AuditAction.LABELS, Locale.ROOT, AuditTarget.class.getClassLoader())
          .getString("target." + name());
    } catch (MissingResourceException unlabelled) {
      return name();
    }
  }
}
