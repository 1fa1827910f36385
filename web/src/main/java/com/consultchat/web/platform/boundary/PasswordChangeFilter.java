package com.consultchat.web.platform.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Someone who logged in with a one-time or administrator-set password sees nothing but the page
 * that replaces it. The login page marks the session; changing the password clears the mark.
 */
@WebFilter(urlPatterns = {"*.xhtml", "/ws/*"})
public class PasswordChangeFilter extends HttpFilter {

  public static final String MARK = "consultchat.mustChangePassword";
  static final String PASSWORD_PAGE = "/account/password.xhtml";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpSession session = request.getSession(false);
    boolean marked = session != null && session.getAttribute(MARK) != null;
    String path = request.getServletPath();
    if (marked && !path.equals(PASSWORD_PAGE)) {
      response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
      return;
    }
    chain.doFilter(request, response);
  }
}
