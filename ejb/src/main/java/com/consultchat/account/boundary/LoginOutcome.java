package com.consultchat.account.boundary;

import java.time.Duration;
import java.time.Instant;

/**
 * How a login attempt ended. Only {@code SUCCEEDED} and {@code CODE_NEEDED} (the password was
 * right, the account's second factor is still to come) carry the caller; the others read the same
 * for a username with an account and one without.
 */
public record LoginOutcome(Result result, Caller caller, Duration retryAfter, Instant lockedUntil) {

  public enum Result {
    SUCCEEDED,
    WRONG_CREDENTIALS,
    WAIT,
    LOCKED,
    BUSY,
    CODE_NEEDED,
    /** The password was right, but an administrator disabled the account. */
    DISABLED
  }

  static LoginOutcome succeeded(Caller caller) {
    return new LoginOutcome(Result.SUCCEEDED, caller, null, null);
  }

  static LoginOutcome codeNeeded(Caller caller) {
    return new LoginOutcome(Result.CODE_NEEDED, caller, null, null);
  }

  static LoginOutcome wrong() {
    return new LoginOutcome(Result.WRONG_CREDENTIALS, null, null, null);
  }

  static LoginOutcome waitFor(Duration retryAfter) {
    return new LoginOutcome(Result.WAIT, null, retryAfter, null);
  }

  static LoginOutcome locked(Instant until) {
    return new LoginOutcome(Result.LOCKED, null, null, until);
  }

  static LoginOutcome disabled() {
    return new LoginOutcome(Result.DISABLED, null, null, null);
  }

  static LoginOutcome busy() {
    return new LoginOutcome(Result.BUSY, null, null, null);
  }

  public boolean succeeded() {
    return result == Result.SUCCEEDED;
  }
}
