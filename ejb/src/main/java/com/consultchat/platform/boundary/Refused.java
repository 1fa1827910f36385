package com.consultchat.platform.boundary;

import jakarta.ejb.ApplicationException;

/**
 * A request the rules do not allow; the transaction rolls back, so a refused request changes
 * nothing. Its message is a key (e.g. {@code consultation.closed}) with arguments, which the web
 * layer turns into words in the person's language ({@code refused.consultation.closed}); a key
 * never holds health data, so a refusal may be logged as it is.
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
  private final transient Object[] arguments;

  public Refused(Reason reason, String message, Object... arguments) {
    super(message, null, false, false);
    this.reason = reason;
    this.arguments = arguments.clone();
  }

  public static Refused invalid(String message, Object... arguments) {
    return new Refused(Reason.INVALID, message, arguments);
  }

  public static Refused notFound(String message, Object... arguments) {
    return new Refused(Reason.NOT_FOUND, message, arguments);
  }

  public static Refused forbidden(String message, Object... arguments) {
    return new Refused(Reason.FORBIDDEN, message, arguments);
  }

  public static Refused conflict(String message, Object... arguments) {
    return new Refused(Reason.CONFLICT, message, arguments);
  }

  public Reason reason() {
    return reason;
  }

  /** What fills the message's {@code {0}}, {@code {1}}…: numbers, limits, never health data. */
  public Object[] arguments() {
    return arguments == null ? new Object[0] : arguments.clone();
  }
}
