package com.consultchat.platform.boundary;

/** Refused because the person asked too often just now; the same request is welcome later. */
public class RateLimited extends Refused {

  private final int retryAfterSeconds;

  public RateLimited(int retryAfterSeconds) {
    super(Reason.RATE_LIMITED, "rate-limited", retryAfterSeconds);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Whole seconds after which the person has room again. */
  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
