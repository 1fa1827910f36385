package com.consultchat.web.account.boundary;

import com.consultchat.account.boundary.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;

/**
 * The logged-in person of this request, resolved from the authenticated principal through {@link
 * KnownCallers}: a poll every two seconds finds them there instead of looking the account up.
 */
@Named
@RequestScoped
public class CurrentUser {

  @Inject SecurityContext securityContext;
  @Inject KnownCallers knownCallers;

  private Optional<Caller> caller;

  public Optional<Caller> find() {
    if (caller == null) {
      Principal principal = securityContext.getCallerPrincipal();
      caller = principal == null ? Optional.empty() : knownCallers.byUsername(principal.getName());
    }
    return caller;
  }

  /** Pages behind the login constraint always have a caller; anything else is a bug. */
  public Caller caller() {
    return find().orElseThrow(() -> new IllegalStateException("No logged-in user"));
  }

  public boolean isLoggedIn() {
    return find().isPresent();
  }

  public long getId() {
    return find().map(Caller::id).orElse(0L);
  }

  public String getDisplayName() {
    return find().map(Caller::displayName).orElse("");
  }

  public boolean isPatient() {
    return find().map(Caller::isPatient).orElse(false);
  }

  public boolean isStaff() {
    return find().map(Caller::isStaff).orElse(false);
  }

  public boolean isAdmin() {
    return find().map(Caller::isAdmin).orElse(false);
  }
}
