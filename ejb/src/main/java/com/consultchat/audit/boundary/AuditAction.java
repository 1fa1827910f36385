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
  /** An administrator created an account (a member of staff, with an initial password). */
  ACCOUNT_CREATED,
  /**
   * An administrator disabled an account: its logins ended and it cannot log in; the detail says
   * whether its open consultations went back to the queue (or to a colleague, each recorded as a
   * transfer).
   */
  ACCOUNT_DISABLED,
  /** An administrator enabled a disabled account again. */
  ACCOUNT_ENABLED,
  /** An administrator changed an account's role; the detail names the old and the new role. */
  ACCOUNT_ROLE_CHANGED,
  /**
   * An administrator set a one-time password for an account, which must be changed at the next
   * login; the password itself is never recorded.
   */
  PASSWORD_RESET,
  /** An administrator renamed or re-described a room; the detail names the old and new name. */
  ROOM_EDITED,
  /** An administrator deleted a room with all its messages; the detail gives the counts. */
  ROOM_DELETED
}
