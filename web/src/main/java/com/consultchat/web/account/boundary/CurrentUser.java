package com.consultchat.web.account.boundary;

import com.consultchat.account.boundary.Accounts;
import com.consultchat.account.boundary.Caller;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.security.Principal;
import java.util.Optional;

/**
 * The logged-in person of this request, resolved from the authenticated principal. The answer is
 * kept in the HTTP session for a minute: a poll every two seconds would otherwise look the account
 * up every time, and a changed name still shows within the minute.
 */
@Named
@RequestScoped
public class CurrentUser {

  private static final String RESOLVED = "consultchat.caller";
  private static final long KEEP_MILLIS = 60_000;

  /** A caller as resolved at a moment; wall-clock time, since a session may move between nodes. */
  private record Resolved(Caller caller, long atMillis) implements Serializable {

    boolean freshFor(String username, long now) {
      long age = now - atMillis;
      return caller.username().equals(username) && age >= 0 && age < KEEP_MILLIS;
    }
  }

  @Inject SecurityContext securityContext;
  @Inject Accounts accounts;
  @Inject HttpServletRequest request;

  private Optional<Caller> caller;

  public Optional<Caller> find() {
    if (caller == null) {
      Principal principal = securityContext.getCallerPrincipal();
      caller = principal == null ? Optional.empty() : resolve(principal.getName());
    }
    return caller;
  }

  private Optional<Caller> resolve(String username) {
    HttpSession session = request.getSession(false);
    long now = System.currentTimeMillis();
    if (session != null
        && session.getAttribute(RESOLVED) instanceof Resolved kept
        && kept.freshFor(username, now)) {
      return Optional.of(kept.caller());
    }
    Optional<Caller> found = accounts.caller(username);
    if (session != null) {
      found.ifPresent(fresh -> session.setAttribute(RESOLVED, new Resolved(fresh, now)));
    }
    return found;
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
