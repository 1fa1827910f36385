package com.consultchat.room.boundary;

import java.io.Serializable;
import java.time.Instant;

/**
 * A room member as one viewer may see them. For a patient viewing another patient, {@code
 * accountId} is 0 and {@code realName} is null: patients know each other by pseudonym only. {@code
 * online}: they have the app open now.
 */
public record MemberView(
    long accountId,
    String pseudonym,
    String realName,
    boolean staff,
    MemberStatus status,
    Instant mutedUntil,
    boolean muted,
    boolean me,
    boolean online)
    implements Serializable {

  /**
   * The name to show: the pseudonym, and to staff also who it is. The page marks the viewer's own
   * entry in its language ("(you)").
   */
  public String label() {
    return realName == null || realName.equals(pseudonym)
        ? pseudonym
        : pseudonym + " (" + realName + ")";
  }
}
