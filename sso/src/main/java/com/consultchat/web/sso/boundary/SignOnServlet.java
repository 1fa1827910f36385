package com.consultchat.web.sso.boundary;

import com.consultchat.account.boundary.ProviderIdentity;
import com.consultchat.account.boundary.SingleSignOn;
import com.consultchat.platform.boundary.Refused;
import jakarta.ejb.EJB;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.function.Function;
import java.util.logging.Logger;
import org.wildfly.security.http.oidc.JsonWebToken;
import org.wildfly.security.http.oidc.OidcPrincipal;
import org.wildfly.security.http.oidc.OidcSecurityContext;

/**
 * Where the chat's "Log in with …" button leads. The server's OpenID Connect client has sent the
 * person to the provider and back before this runs; this reads who they are from the ID token, asks
 * the chat for a one-time ticket and sends the browser to the chat's arrival page with it.
 */
@WebServlet("/login")
public class SignOnServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  /** The cookie the chat's arrival page reads (SignOnView in the web module). */
  static final String TICKET_COOKIE = "CONSULTCHAT_SIGN_ON";

  private static final Logger LOG = Logger.getLogger(SignOnServlet.class.getName());

  @EJB(lookup = SingleSignOnBoundary.NAME)
  SingleSignOn singleSignOn;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    if (!(request.getUserPrincipal() instanceof OidcPrincipal<?> principal)) {
      // Only the OpenID Connect login reaches this page; anything else is a misconfiguration.
      response.sendError(HttpServletResponse.SC_FORBIDDEN);
      return;
    }
    OidcSecurityContext context = principal.getOidcSecurityContext();
    ProviderIdentity who =
        ProviderClaims.identity(
            claims(context.getIDToken()), claims(context.getToken()), singleSignOn.roleClaim());
    String ticket;
    try {
      ticket = singleSignOn.admit(who, request.getRemoteAddr());
    } catch (Refused refused) {
      // The account was disabled here: no chat login, and no provider login kept for it either.
      LOG.info(() -> "Single sign-on refused: " + refused.getMessage());
      request.logout();
      response.sendRedirect(SignOffServlet.chat(request) + "/login.xhtml?signOn=refused");
      return;
    }
    // The ticket travels in a cookie of the chat's, never in an address, so it stays out of
    // histories and proxy logs, and another site cannot log someone in with a ticket of its own.
    // The chat's arrival page deletes it at once; the path is the chat's root, not that page,
    // because
    // clients following RFC 2965 refuse a cookie whose path is not above the address that set it.
    String chat = SignOffServlet.chat(request);
    Cookie carried = new Cookie(TICKET_COOKIE, ticket);
    carried.setPath(chat);
    carried.setHttpOnly(true);
    carried.setSecure(request.isSecure() || singleSignOn.overHttps());
    carried.setMaxAge(60);
    carried.setAttribute("SameSite", "Lax");
    response.addCookie(carried);
    response.sendRedirect(chat + "/signed-on.xhtml");
  }

  private static Function<String, Object> claims(JsonWebToken token) {
    return name -> token == null ? null : token.getClaimValue(name);
  }
}
