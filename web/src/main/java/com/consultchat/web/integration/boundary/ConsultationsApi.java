package com.consultchat.web.integration.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.consultation.boundary.ConsultationSummary;
import com.consultchat.consultation.boundary.Consultations;
import com.consultchat.integration.boundary.ApiScope;
import com.consultchat.web.integration.control.Answers;
import com.consultchat.web.integration.control.Paging;
import com.consultchat.web.integration.control.Representations.Closing;
import com.consultchat.web.integration.control.Representations.Consultation;
import com.consultchat.web.integration.control.Representations.Page;
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
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Consultations for another system of the site: those the token's account takes part in, read and
 * closed with exactly the checks the pages make.
 */
@Path("v1/consultations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Consultations")
@SecurityRequirement(name = "token")
public class ConsultationsApi {

  @Inject ApiCaller api;
  @Inject Consultations consultations;
  @Context Request request;
  @Context UriInfo uri;

  @GET
  @Operation(
      summary = "The consultations the token's account takes part in, newest first",
      description = "Needs consultations:read. Paged: page from 1, size 1 to 100; Link: next.")
  public Response list(
      @QueryParam("page") @DefaultValue("1") int page,
      @QueryParam("size") @DefaultValue("20") int size) {
    Caller caller = api.caller(ApiScope.CONSULTATIONS_READ);
    Paging paging = new Paging(page, size);
    List<ConsultationSummary> all = consultations.mine(caller);
    int from = Math.min(all.size(), paging.first());
    int to = Math.min(all.size(), from + size);
    Page<Consultation> answer =
        new Page<>(
            all.subList(from, to).stream().map(Consultation::of).toList(), page, size, all.size());
    Response response = Answers.tagged(request, answer);
    if (to < all.size()) {
      Link next =
          Link.fromUriBuilder(
                  uri.getRequestUriBuilder()
                      .replaceQueryParam("page", page + 1)
                      .replaceQueryParam("size", size))
              .rel("next")
              .build();
      return Response.fromResponse(response).links(next).build();
    }
    return response;
  }

  @GET
  @Path("{id: [0-9]{1,18}}")
  @Operation(summary = "One consultation", description = "Needs consultations:read.")
  public Response read(@PathParam("id") long id) {
    Caller caller = api.caller(ApiScope.CONSULTATIONS_READ);
    return Answers.tagged(request, Consultation.of(consultations.find(caller, id)));
  }

  @POST
  @Path("{id: [0-9]{1,18}}/close")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Closes a consultation with a summary for the patient",
      description = "Needs consultations:write; the token's account must be its specialist.")
  public Response close(@PathParam("id") long id, Closing closing) {
    Caller caller = api.caller(ApiScope.CONSULTATIONS_WRITE);
    ConsultationSummary closed =
        consultations.close(caller, id, closing == null ? null : closing.summary());
    return Response.ok(Answers.json(Consultation.of(closed)), MediaType.APPLICATION_JSON).build();
  }
}
