package com.consultchat.web.integration.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.consultation.boundary.Consultations;
import com.consultchat.integration.boundary.ApiScope;
import com.consultchat.messaging.boundary.Conversations;
import com.consultchat.messaging.boundary.Posted;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.web.integration.control.Answers;
import com.consultchat.web.integration.control.Representations.Message;
import com.consultchat.web.integration.control.Representations.NewMessage;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A consultation's messages for another system: read by sequence number, and posted through the
 * chat's one write path, so a post is numbered, stored, pushed to the people in the chat and, sent
 * again with the same client id, answered with the original.
 */
@Path("v1/consultations/{id: [0-9]{1,18}}/messages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Messages")
@SecurityRequirement(name = "token")
public class MessagesApi {

  @Inject ApiCaller api;
  @Inject Consultations consultations;
  @Inject Conversations conversations;
  @Context Request request;
  @Context UriInfo uri;

  @GET
  @Operation(
      summary = "Messages after a sequence number, oldest first",
      description = "Needs messages:read; at most one page, ask again after its last seq.")
  public Response read(
      @PathParam("id") long id, @QueryParam("after") @DefaultValue("0") long after) {
    Caller caller = api.caller(ApiScope.MESSAGES_READ);
    long conversation = consultations.find(caller, id).conversationId();
    return Answers.tagged(
        request,
        conversations.history(caller, conversation, after).stream().map(Message::of).toList());
  }

  @GET
  @Path("{seq: [0-9]{1,18}}")
  @Operation(summary = "One message by its sequence number", description = "Needs messages:read.")
  public Response one(@PathParam("id") long id, @PathParam("seq") long seq) {
    Caller caller = api.caller(ApiScope.MESSAGES_READ);
    long conversation = consultations.find(caller, id).conversationId();
    return conversations.history(caller, conversation, seq - 1).stream()
        .filter(message -> message.seq() == seq)
        .findFirst()
        .map(message -> Answers.tagged(request, Message.of(message)))
        .orElseThrow(() -> Refused.notFound("api.message.unknown"));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Posts a text message as the token's account",
      description =
          "Needs messages:write. 201 with the stored message; the same clientId again answers 200"
              + " with the original and stores nothing.")
  public Response post(@PathParam("id") long id, NewMessage message) {
    Caller caller = api.caller(ApiScope.MESSAGES_WRITE);
    if (message == null || message.clientId() == null || message.text() == null) {
      throw Refused.invalid("api.message.fields");
    }
    long conversation = consultations.find(caller, id).conversationId();
    Posted posted = conversations.post(caller, conversation, message.clientId(), message.text());
    String json = Answers.json(Message.of(posted.message()));
    if (posted.resend()) {
      return Response.ok(json, MediaType.APPLICATION_JSON).build();
    }
    return Response.created(
            uri.getAbsolutePathBuilder().path("{seq}").build(posted.message().seq()))
        .entity(json)
        .type(MediaType.APPLICATION_JSON)
        .build();
  }
}
