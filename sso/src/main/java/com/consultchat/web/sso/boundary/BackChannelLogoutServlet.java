package com.consultchat.web.sso.boundary;

import com.consultchat.account.boundary.SingleSignOn;
import com.consultchat.web.sso.control.LogoutTokens;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * OpenID Connect back-channel logout: the provider calls this, server to server, when a person logs
 * out at the portal (or an administrator there ends their session). With a valid logout token, the
 * person's chat logins end at once, their sockets close and their pages go to the login.
 */
@WebServlet("/backchannel-logout")
public class BackChannelLogoutServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @EJB(lookup = SingleSignOnBoundary.NAME)
  SingleSignOn singleSignOn;

  @Inject LogoutTokens tokens;

  @Override
  protected void doPost(HttpServletRequest request, HttpServletResponse response) {
    // No caching of the answer, as the specification asks.
    response.setHeader("Cache-Control", "no-store");
    Optional<String> issuer = singleSignOn.provider();
    Optional<LogoutTokens.LoggedOut> logout =
        issuer.flatMap(
            provider ->
                tokens.read(
                    request.getParameter("logout_token"), provider, singleSignOn.clientId()));
    if (logout.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return;
    }
    singleSignOn.loggedOutAtProvider(issuer.get(), logout.get().subject(), logout.get().at());
    response.setStatus(HttpServletResponse.SC_OK);
  }
}
