package com.consultchat.web.messaging.boundary;

import com.consultchat.messaging.boundary.Conversations;
import com.consultchat.web.account.boundary.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/unread}: how many messages from others the logged-in person has not read, over
 * all their conversations; the widget's badge on a portal page. A count only, so a portal page
 * learns nothing of what was written. It is no activity: a badge that refreshes itself must not
 * keep an idle session alive.
 */
@Path("unread")
@RequestScoped
public class UnreadResource {

  @Inject CurrentUser currentUser;
  @Inject Conversations conversations;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response unread() {
    long total =
        conversations.unread(currentUser.caller()).values().stream()
            .mapToLong(Long::longValue)
            .sum();
    return Response.ok(Json.createObjectBuilder().add("unread", total).build().toString())
        .header("Cache-Control", "no-store")
        .build();
  }
}
