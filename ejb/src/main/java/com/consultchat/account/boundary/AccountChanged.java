package com.consultchat.account.boundary;

/**
 * An administrator changed an account. Fired inside the change's transaction: the audit feature
 * writes its row and the consultation feature hands a disabled person's consultations on in the
 * same commit. (The web layer learns of ended logins from {@link LoginsEnded}: CDI events of this
 * module do not reach it.)
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
}
