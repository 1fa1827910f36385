package com.consultchat.account.boundary;

import jakarta.ejb.ApplicationException;

/**
 * Too many password checks are already waiting for the hashing pool; the person should try again in
 * a moment. Nothing was changed.
 */
@ApplicationException(rollback = true)
public class KeyDerivationBusy extends RuntimeException {

  public static final String MESSAGE =
      "The server is busy checking other logins. Please try again in a moment.";

  public KeyDerivationBusy(Throwable cause) {
    super(MESSAGE, cause, false, false);
  }
}
