package com.consultchat.web.sso.boundary;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Where the chat's logout leads a person who logged in through the provider, after the chat's own
 * session has ended: logging out here ends the provider's login too (the server's OpenID Connect
 * client calls the provider's logout with the tokens this session holds), then the browser goes
 * back to the chat's login page.
 */
@WebServlet("/logout")
public class SignOffServlet extends HttpServlet {

  private static final long serialVersionUID = 1L;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    request.logout();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    response.sendRedirect(chat(request) + "/login.xhtml?loggedOut=true");
  }

  /** The chat's address: this module lives one level below it (/consultchat/sso). */
  static String chat(HttpServletRequest request) {
    String here = request.getContextPath();
    return here.substring(0, Math.max(0, here.lastIndexOf('/')));
  }
}
