package com.consultchat.web.consultation.boundary;

import com.consultchat.consultation.boundary.Snippets;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.web.account.boundary.CurrentUser;
import com.consultchat.web.platform.boundary.Problems;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/snippets}: the caller's own snippets, read once by the chat page so that the
 * composer's menu and slash shortcuts need no request per keystroke. Only ever the caller's own; a
 * patient gets 403 with the usual error object.
 */
@Path("snippets")
@RequestScoped
public class SnippetResource {

  private static final Jsonb JSONB = JsonbBuilder.create();

  @Inject Snippets snippets;
  @Inject CurrentUser currentUser;

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response mine() {
    try {
      return Response.ok(JSONB.toJson(snippets.mine(currentUser.caller())))
          .type(MediaType.APPLICATION_JSON)
          .build();
    } catch (Refused refused) {
      return Problems.of(refused);
    }
  }
}
