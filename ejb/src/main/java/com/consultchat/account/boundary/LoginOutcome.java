package com.consultchat.account.boundary;

import java.time.Duration;
import java.time.Instant;

/**
 * How a login attempt ended. Only {@code SUCCEEDED} carries the caller; the others read the same
 * for a username with an account and one without.
 */
public record LoginOutcome(Result result, Caller caller, Duration retryAfter, Instant lockedUntil) {

  public enum Result {
    SUCCEEDED,
    WRONG_CREDENTIALS,
    WAIT,
    LOCKED,
    BUSY
  }

  static LoginOutcome succeeded(Caller caller) {
    return new LoginOutcome(Result.SUCCEEDED, caller, null, null);
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

  static LoginOutcome busy() {
    return new LoginOutcome(Result.BUSY, null, null, null);
  }

  public boolean succeeded() {
    return result == Result.SUCCEEDED;
  }
}
