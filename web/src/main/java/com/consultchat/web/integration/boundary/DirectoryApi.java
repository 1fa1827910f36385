package com.consultchat.web.integration.boundary;

import com.consultchat.account.boundary.AccountAdministration;
import com.consultchat.account.boundary.AccountPage;
import com.consultchat.account.boundary.AccountQuery;
import com.consultchat.attachment.boundary.Attachments;
import com.consultchat.integration.boundary.ApiScope;
import com.consultchat.room.boundary.Rooms;
import com.consultchat.web.attachment.boundary.FileResource;
import com.consultchat.web.integration.control.Answers;
import com.consultchat.web.integration.control.Paging;
import com.consultchat.web.integration.control.Representations.Account;
import com.consultchat.web.integration.control.Representations.Page;
import com.consultchat.web.integration.control.Representations.Room;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Rooms, files and accounts for the site's other systems, with the pages' own checks. */
@Path("v1")
@SecurityRequirement(name = "token")
public class DirectoryApi {

  @Inject ApiCaller api;
  @Inject Rooms rooms;
  @Inject Attachments attachments;
  @Inject AccountAdministration accounts;
  @Context Request request;

  @GET
  @Path("rooms")
  @Produces(MediaType.APPLICATION_JSON)
  @Tag(name = "Rooms")
  @Operation(
      summary = "The rooms the token's account may see",
      description = "Needs rooms:read. Staff see every room; patients the open ones and their own.")
  public Response rooms(@QueryParam("topic") String topic) {
    return Answers.tagged(
        request,
        rooms.directory(api.caller(ApiScope.ROOMS_READ), topic).stream().map(Room::of).toList());
  }

  @GET
  @Path("files/{id: [0-9]{1,18}}")
  @Tag(name = "Files")
  @Operation(
      summary = "A file's bytes",
      description =
          "Needs files:read; the token's account must take part in the file's conversation. Checked"
              + " against its checksum and audited as a download.")
  public Response file(@PathParam("id") long id) {
    return FileResource.download(
        attachments, attachments.open(api.caller(ApiScope.FILES_READ), id, false));
  }

  @GET
  @Path("accounts")
  @Produces(MediaType.APPLICATION_JSON)
  @Tag(name = "Accounts")
  @Operation(
      summary = "Accounts, found by name or username",
      description =
          "Needs accounts:admin and an administrator's account. Paged like consultations.")
  public Response accounts(
      @QueryParam("q") String text,
      @QueryParam("page") @DefaultValue("1") int page,
      @QueryParam("size") @DefaultValue("20") int size) {
    Paging paging = new Paging(page, size);
    AccountPage found =
        accounts.find(
            api.caller(ApiScope.ACCOUNTS_ADMIN),
            new AccountQuery(text, null, null, null, paging.first(), size));
    return Answers.tagged(
        request,
        new Page<>(
            found.rows().stream().map(Account::of).toList(), page, size, (int) found.total()));
  }
}
