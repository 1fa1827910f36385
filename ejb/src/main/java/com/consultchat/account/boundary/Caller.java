package com.consultchat.account.boundary;

import com.consultchat.account.entity.Account;
import java.io.Serializable;

/**
 * The logged-in person on whose behalf a boundary is called. The web layer resolves it from the
 * authenticated principal; boundaries decide from it and from the object in question what is
 * allowed.
 */
public record Caller(long id, String username, String displayName, Role role)
    implements Serializable {

  public static Caller of(Account account) {
    return new Caller(account.id(), account.username(), account.displayName(), account.role());
  }

  public boolean isPatient() {
    return role == Role.PATIENT;
  }

  /** Staff and administrators both work with patients' requests. */
  public boolean isStaff() {
    return role == Role.STAFF || role == Role.ADMIN;
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }
}
