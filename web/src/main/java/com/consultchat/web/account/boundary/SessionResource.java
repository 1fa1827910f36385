package com.consultchat.web.account.boundary;

import com.consultchat.web.account.control.SessionEnds;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * The page's side of the automatic logoff. {@code POST /api/session/activity}: the person pressed a
 * key or clicked since the last report (recorded by {@link IdleLogoffFilter}, which sees the path).
 * {@code POST /api/session/logoff}: the page's countdown ran out, so the session ends now.
 */
@Path("session")
@RequestScoped
public class SessionResource {

  @Inject HttpServletRequest request;
  @Inject SessionEnds sessionEnds;

  @POST
  @Path("activity")
  public Response activity() {
    return Response.noContent().header("Cache-Control", "no-store").build();
  }

  @POST
  @Path("logoff")
  public Response logoff() {
    HttpSession session = request.getSession(false);
    if (session != null) {
      sessionEnds.end(session, true, request.getRemoteAddr());
    }
    return Response.noContent().header("Cache-Control", "no-store").build();
  }
}
