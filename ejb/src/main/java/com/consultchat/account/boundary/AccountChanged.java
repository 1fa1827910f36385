package com.consultchat.account.boundary;

/**
 * An administrator changed an account. Fired inside the change's transaction: the audit feature
 * writes its row and the consultation feature hands a disabled person's consultations on in the
 * same commit; observers {@code AFTER_SUCCESS} end the person's logins on their node.
 *
 * @param handTo for {@link Kind#DISABLED}, the colleague who takes the person's open consultations,
 *     or null to send them back to the queue
 * @param detail what the audit row says besides the kind; never a password
 */
public record AccountChanged(
    Kind kind, Caller admin, Caller account, Long handTo, String address, String detail) {

  public enum Kind {
    CREATED,
    DISABLED,
    ENABLED,
    ROLE_CHANGED,
    PASSWORD_RESET
  }

  /** Whether the person's current logins end with this change. */
  public boolean endsLogins() {
    return kind == Kind.DISABLED || kind == Kind.ROLE_CHANGED || kind == Kind.PASSWORD_RESET;
  }
}
