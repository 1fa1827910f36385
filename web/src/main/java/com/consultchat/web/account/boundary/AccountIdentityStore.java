package com.consultchat.web.account.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.account.boundary.LoginOutcome;
import com.consultchat.account.boundary.Logins;
import com.consultchat.account.boundary.SingleSignOn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * The login's identity store: hands the attempt (a password, the code of a second step, or a ticket
 * from the identity provider's sign-on) and the client's address to {@link Logins}, which
 * throttles, checks and audits it, and leaves the outcome on the request so that the login page can
 * say why an attempt was refused.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

  static final String OUTCOME = "consultchat.loginOutcome";

  @Inject Logins logins;
  @Inject SingleSignOn singleSignOn;
  @Inject KnownCallers knownCallers;
  @Inject HttpServletRequest request;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    LoginOutcome outcome;
    if (credential instanceof UsernamePasswordCredential attempt) {
      outcome =
          logins.attempt(
              attempt.getCaller(), attempt.getPasswordAsString(), request.getRemoteAddr());
    } else if (credential instanceof SecondStepCredential step) {
      outcome = logins.secondStep(step.accountId(), step.code(), request.getRemoteAddr());
    } else if (credential instanceof SignOnCredential signOn) {
      outcome = singleSignOn.redeem(signOn.ticket(), request.getRemoteAddr());
    } else {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    request.setAttribute(OUTCOME, outcome);
    if (!outcome.succeeded()) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    Caller caller = outcome.caller();
    // The requests that follow a login (its page, the page's socket) then need no lookup.
    knownCallers.remember(caller);
    return new CredentialValidationResult(caller.username(), Set.of(caller.role().name()));
  }
}
