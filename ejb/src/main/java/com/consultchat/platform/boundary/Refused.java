package com.consultchat.platform.boundary;

import jakarta.ejb.ApplicationException;

/**
 * A request the rules do not allow. Its message is written for the person who made the request, so
 * the web layer shows it as it is; the transaction rolls back, so a refused request changes
 * nothing.
 */
@ApplicationException(rollback = true)
public class Refused extends RuntimeException {

  /** Why, so each edge can answer in its own terms (an HTTP status, a frame code). */
  public enum Reason {
    INVALID,
    NOT_FOUND,
    FORBIDDEN,
    CONFLICT,
    /** Too many requests of this kind from this person just now; see {@link RateLimited}. */
    RATE_LIMITED
  }

  private final Reason reason;

  public Refused(Reason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public static Refused invalid(String message) {
    return new Refused(Reason.INVALID, message);
  }

  public static Refused notFound(String message) {
    return new Refused(Reason.NOT_FOUND, message);
  }

  public static Refused forbidden(String message) {
    return new Refused(Reason.FORBIDDEN, message);
  }

  public static Refused conflict(String message) {
    return new Refused(Reason.CONFLICT, message);
  }

  public Reason reason() {
    return reason;
  }
}
