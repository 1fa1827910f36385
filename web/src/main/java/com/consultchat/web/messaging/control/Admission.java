package com.consultchat.web.messaging.control;

/** Whether an {@link InboundLane} took a client's frames, and if not, when to send them again. */
public record Admission(Verdict verdict, int retryAfter) {

  public static final Admission ACCEPTED = new Admission(Verdict.ACCEPTED, 0);
  public static final Admission CLOSED = new Admission(Verdict.CLOSED, 0);

  public enum Verdict {
    ACCEPTED,
    /** Not taken; the client should send it again after the retry-after. */
    REFUSED,
    /** Not taken, and the client ignores refusals: more than a full lane of them in one window. */
    FLOODING,
    /** The lane's socket has gone. */
    CLOSED
  }
}
