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
  LOGIN_UNLOCKED,
  /**
   * A patient's message matched an emergency phrase; the detail names the message, not its text.
   */
  URGENT_FLAGGED,
  /** A member of staff was shown the urgent flag (first time in each place). */
  URGENT_SEEN,
  /** The password was right, the second-factor code was not. */
  LOGIN_CODE_FAILED,
  LOGIN_RECOVERY_CODE_USED,
  SECOND_FACTOR_ENABLED,
  SECOND_FACTOR_DISABLED,
  /** An administrator removed someone's second factor (a lost phone and no recovery codes). */
  SECOND_FACTOR_RESET,
  /** A file sent in a conversation was shown (its preview or viewer) or downloaded. */
  FILE_PREVIEWED,
  FILE_DOWNLOADED,
  /** A file's clinical kind was changed; the detail names the old and new kind. */
  FILE_KIND_CHANGED,
  /** A specialist marked a file as verified. */
  FILE_VERIFIED,
  /** A file's verification was withdrawn, by whoever gave it or by an administrator. */
  FILE_VERIFICATION_REVOKED,
  /** A person's data was exported as a ZIP (by themselves, or by an administrator for them). */
  DATA_EXPORTED,
  ERASURE_REQUESTED,
  /** The detail holds counts and ids, never content. */
  ERASURE_CARRIED_OUT,
  /** The detail names the request; the reason given to the person is not copied here. */
  ERASURE_DECLINED,
  /** An administrator changed a run-time setting or reset it to its default; old and new value. */
  SETTING_CHANGED,
  /** A legal hold was placed on a consultation or a person: nothing it covers is purged. */
  LEGAL_HOLD_PLACED,
  LEGAL_HOLD_RELEASED,
  /** Retention removed a conversation's old entries and files; counts and ids, never content. */
  RETENTION_PURGED
}
