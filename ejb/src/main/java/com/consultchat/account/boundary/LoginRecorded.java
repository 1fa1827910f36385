package com.consultchat.account.boundary;

import java.time.Instant;

/**
 * Something the audit trail keeps about logins: fired by {@link Logins}, written by the audit
 * feature. {@code account} is who the login was for (null when no account has the username, whose
 * text is not kept: people type passwords into the username field); {@code actor} is the
 * administrator for an unlock, otherwise null.
 */
public record LoginRecorded(
    Kind kind, Caller account, Caller actor, String address, Instant lockedUntil) {

  public enum Kind {
    SUCCEEDED,
    FAILED,
    LOCKED_OUT,
    ADDRESS_LOCKED_OUT,
    UNLOCKED,
    /** The password was right, the second-factor code was not. */
    CODE_FAILED,
    /** Logged in with a recovery code instead of the app's code. */
    RECOVERY_CODE_USED,
    SECOND_FACTOR_ENABLED,
    SECOND_FACTOR_DISABLED,
    SECOND_FACTOR_RESET,
    LOGGED_OUT,
    /** The session ended after inactivity: the page's countdown, or its next request. */
    LOGGED_OFF_IDLE
  }
}
