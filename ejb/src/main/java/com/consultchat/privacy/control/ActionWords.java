package com.consultchat.privacy.control;

import com.consultchat.audit.boundary.AuditAction;
import com.consultchat.audit.boundary.AuditTarget;

/** An audit action and its object as a patient reads them in their own audit trail. */
public final class ActionWords {

  private ActionWords() {}

  public static String action(AuditAction action) {
    return switch (action) {
      case TRANSCRIPT_VIEWED -> "viewed the transcript";
      case TRANSCRIPT_DOWNLOADED -> "downloaded the transcript";
      case TRANSCRIPT_EXPORTED -> "exported the transcript as FHIR";
      case CONSULTATION_OPENED -> "opened the consultation";
      case URGENT_FLAGGED -> "flagged as urgent";
      case URGENT_SEEN -> "saw the urgent flag";
      case FILE_PREVIEWED -> "viewed the file";
      case FILE_DOWNLOADED -> "downloaded the file";
      case DATA_EXPORTED -> "exported all data";
      case ERASURE_REQUESTED -> "asked for erasure";
      case ERASURE_CARRIED_OUT -> "carried out the erasure";
      case ERASURE_DECLINED -> "declined the erasure request";
      case LOGIN_SUCCEEDED -> "logged in";
      case LOGIN_FAILED -> "tried to log in with a wrong password";
      case LOGIN_LOCKED_OUT -> "locked the account after failed logins";
      case LOGIN_UNLOCKED -> "unlocked the account";
      case LOGIN_CODE_FAILED -> "entered a wrong login code";
      case LOGIN_RECOVERY_CODE_USED -> "logged in with a recovery code";
      case SECOND_FACTOR_ENABLED -> "switched two-step login on";
      case SECOND_FACTOR_DISABLED -> "switched two-step login off";
      case SECOND_FACTOR_RESET -> "removed two-step login";
      default -> action.name().toLowerCase().replace('_', ' ');
    };
  }

  public static String object(AuditTarget target, Long id) {
    return switch (target) {
      case CONSULTATION -> "consultation " + id;
      case FILE -> "file " + id;
      case ACCOUNT -> "the account";
      default -> target.name().toLowerCase() + (id == null ? "" : " " + id);
    };
  }
}
