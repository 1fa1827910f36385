package com.consultchat.audit.boundary;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * What was done. Stored by name, so constants may be added but never renamed. Every constant needs
 * its words in {@code AuditLabels.properties} beside this class (a unit test fails until it has
 * them): the log shows those, never the code.
 */
public enum AuditAction {
  TRANSCRIPT_VIEWED,
  TRANSCRIPT_DOWNLOADED,
  /** A consultation's record was downloaded as FHIR, for a medical record system. */
  TRANSCRIPT_EXPORTED,
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
  /** An administrator created a token for another system; the detail names its scopes. */
  API_TOKEN_CREATED,
  API_TOKEN_REVOKED,
  /** An administrator registered an address to be told of events; the detail names them. */
  WEBHOOK_CREATED,
  WEBHOOK_REMOVED,
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
  RETENTION_PURGED,
  /** The person logged out. */
  LOGGED_OUT,
  /** The session ended by itself after inactivity (the page's countdown, or the next request). */
  LOGGED_OFF_IDLE,
  CONSULTATION_REQUESTED,
  CONSULTATION_TAKEN,
  /** An administrator handed a waiting request to a member of staff. */
  CONSULTATION_ASSIGNED,
  /** Handed to a colleague or back to a specialty's queue; the detail says which (ids only). */
  CONSULTATION_TRANSFERRED,
  CONSULTATION_CLOSED,
  ROOM_MESSAGE_REMOVED,
  ROOM_MEMBER_MUTED,
  ROOM_MEMBER_UNMUTED,
  ROOM_MEMBER_REMOVED,
  ROOM_MEMBER_BANNED,
  ROOM_POST_RELEASED,
  ROOM_POST_REJECTED,
  /** The audit log (the entries a filter matched) was downloaded as CSV. */
  AUDIT_LOG_EXPORTED,
  /** The hash chain of the audit log was checked; the detail gives the outcome. */
  AUDIT_CHAIN_VERIFIED,
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
  ROOM_DELETED,
  /**
   * An administrator searched messages; the detail gives the filters and the conversations whose
   * messages were shown, never the words searched for (they may be health data).
   */
  MESSAGES_SEARCHED;

  static final String LABELS = "com.consultchat.audit.boundary.AuditLabels";

  /** The action in words, as the log and its export show it. */
  public String label() {
    try {
      return ResourceBundle.getBundle(LABELS, Locale.ROOT, AuditAction.class.getClassLoader())
          .getString(name());
    } catch (MissingResourceException unlabelled) {
      // The unit test keeps this from shipping; the log still shows the entry meanwhile.
      return name();
    }
  }
}
