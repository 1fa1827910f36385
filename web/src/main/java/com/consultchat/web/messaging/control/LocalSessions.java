package com.consultchat.web.messaging.control;

import io.undertow.server.session.Session;
import io.undertow.servlet.spec.HttpSessionImpl;
import io.undertow.servlet.spec.ServletContextImpl;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * Finds an HTTP session of this node by its id, away from the request that made it. Keeping the
 * {@link HttpSession} a request handed out instead would keep that whole request alive for as long
 * as the login lasts: Undertow's session object holds its request, and with it the login form, the
 * headers and the security context (about a third of an idle person's heap).
 */
final class LocalSessions {

  private LocalSessions() {}

  /** The session, or empty when it ended or this node never held it. */
  static Optional<HttpSession> find(ServletContext context, String id) {
    if (!(context instanceof ServletContextImpl undertow)) {
      return Optional.empty();
    }
    Session session = undertow.getDeployment().getSessionManager().getSession(id);
    return session == null
        ? Optional.empty()
        : Optional.of(HttpSessionImpl.forSession(session, context, false));
  }
}
