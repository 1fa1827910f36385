package com.consultchat.web.attachment.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.attachment.boundary.Attachments;
import com.consultchat.attachment.boundary.ClinicalFiles;
import com.consultchat.attachment.boundary.FileGrant;
import com.consultchat.attachment.boundary.Upload;
import com.consultchat.messaging.boundary.ChatMessage;
import com.consultchat.messaging.boundary.Posted;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.web.account.boundary.CurrentUser;
import com.consultchat.web.account.boundary.LanguageChoice;
import com.consultchat.web.attachment.control.Disposition;
import com.consultchat.web.attachment.control.UploadSlots;
import com.consultchat.web.platform.boundary.Failure;
import com.consultchat.web.platform.boundary.Problems;
import com.consultchat.web.platform.boundary.Words;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

/**
 * Files over HTTP. {@code POST /api/files?conversation=…} takes the file's bytes as the request
 * body — not multipart: the body streams straight into the database as it arrives (no part is
 * buffered on disk or in memory first), the browser reports its progress, and an outbox can send a
 * stored Blob as it is. The client's id for the file, its name and an optional caption travel in
 * {@code File-Client-Id}, {@code File-Name} and {@code File-Caption} headers (percent-encoded
 * UTF-8), never in the address, which servers and proxies log. The answer is the sender's ack, with
 * the entry.
 *
 * <p>{@code File-Kind} names the file's clinical kind (else it follows from the detected type);
 * {@code POST /api/files/{id}/kind}, {@code …/verification} and {@code …/verification/revoke} (JSON
 * with the client's id for the change, and the kind) change it or its verification, answered like
 * an upload.
 *
 * <p>{@code GET /api/files/{id}} downloads a file; {@code ?view=true} says it is shown in the page
 * (the viewer, the audio player), which the audit row records. Anyone who may not see it gets the
 * 404 an unknown id gets.
 */
@Path("files")
@RequestScoped
public class FileResource {

  /** A download may not run anything, load anything or be framed, whatever it turns out to be. */
  static final String SANDBOX = "sandbox; default-src 'none'; img-src 'self'; media-src 'self'";

  private static final Jsonb JSONB = JsonbBuilder.create();

  /** The sender's answer: the ack the socket would send, and the stored entry with it. */
  public record Accepted(
      String type,
      String clientId,
      long conversation,
      long seq,
      Instant sentAt,
      boolean resend,
      ChatMessage message) {
    static Accepted of(Posted posted) {
      ChatMessage message = posted.message();
      return new Accepted(
          "ack",
          message.clientId(),
          message.conversation(),
          message.seq(),
          message.sentAt(),
          posted.resend(),
          message);
    }
  }

  /** Long enough for a lock to be let go or a database to come back. */
  static final int BUSY_RETRY_SECONDS = 5;

  @Inject Attachments attachments;
  @Inject ClinicalFiles clinicalFiles;
  @Inject CurrentUser currentUser;
  @Inject UploadSlots slots;
  @Inject Words words;
  @Inject HttpServletRequest request;

  @POST
  @Consumes(MediaType.WILDCARD)
  @Produces(MediaType.APPLICATION_JSON)
  public Response upload(
      @QueryParam("conversation") @DefaultValue("0") long conversation,
      @HeaderParam("File-Client-Id") String clientId,
      @HeaderParam("File-Name") String name,
      @HeaderParam("File-Caption") String caption,
      @HeaderParam("File-Kind") String kind,
      @HeaderParam("Content-Length") @DefaultValue("-1") long length,
      InputStream body) {
    Caller caller = currentUser.caller();
    Upload upload;
    try {
      upload = new Upload(clientId, decoded(name), decoded(caption), length, kind);
    } catch (Refused refused) {
      return Problems.of(refused);
    }
    Optional<UploadSlots.Slot> slot = slots.take(caller.id());
    if (slot.isEmpty()) {
      return Response.status(429)
          .header("Retry-After", UploadSlots.RETRY_AFTER_SECONDS)
          .entity(new Problems.Body("error", "busy", words("files.busy.slots")))
          .type(MediaType.APPLICATION_JSON)
          .build();
    }
    try (UploadSlots.Slot held = slot.get()) {
      Posted posted = attachments.upload(caller, conversation, upload, body);
      return Response.ok(JSONB.toJson(Accepted.of(posted)), MediaType.APPLICATION_JSON).build();
    } catch (Refused refused) {
      return Problems.of(refused);
    } catch (RuntimeException failed) {
      if (!Failure.of(failed).retryable()) {
        throw failed;
      }
      // A lock or statement timeout, the database restarting: nothing was kept (the intake
      // discards its chunks), and the same upload under the same client id will go through later.
      return Response.status(Response.Status.SERVICE_UNAVAILABLE)
          .header("Retry-After", BUSY_RETRY_SECONDS)
          .entity(new Problems.Body("error", "busy", words("files.busy.server")))
          .type(MediaType.APPLICATION_JSON)
          .build();
    }
  }

  @GET
  @Path("{id: [0-9]{1,18}}")
  public Response download(
      @PathParam("id") long id, @QueryParam("view") @DefaultValue("false") boolean view) {
    FileGrant grant;
    try {
      grant = attachments.open(currentUser.caller(), id, view);
    } catch (Refused refused) {
      return Problems.of(refused);
    }
    return download(attachments, grant);
  }

  /** A granted file's bytes as every download sends them, here and in the integration API. */
  public static Response download(Attachments attachments, FileGrant grant) {
    StreamingOutput bytes = out -> attachments.write(grant, out);
    // Always an attachment: a navigation saves it; an <img> or <audio> of the page still shows it.
    return Response.ok(bytes, grant.type())
        .header("Content-Length", grant.size())
        .header("Content-Disposition", Disposition.attachment(grant.name()))
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", SANDBOX)
        // Health information: never kept by the browser or anything in between.
        .header("Cache-Control", "no-store")
        .build();
  }

  /** A photo's thumbnail or a PDF's first page, drawn by the server when the file was stored. */
  @GET
  @Path("{id: [0-9]{1,18}}/preview")
  public Response preview(@PathParam("id") long id) {
    FileGrant grant;
    try {
      grant = attachments.openPreview(currentUser.caller(), id);
    } catch (Refused refused) {
      return Problems.of(refused);
    }
    StreamingOutput bytes = out -> attachments.write(grant, out);
    return Response.ok(bytes, grant.type())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", SANDBOX)
        .header("Cache-Control", "no-store")
        .build();
  }

  /** A change of a file asked for: the client's id for it (so a resend changes nothing twice). */
  public record Change(String clientId, String kind) {}

  /** Changes what a file is (a certificate, a lab result…): its sender or the staff. */
  @POST
  @Path("{id: [0-9]{1,18}}/kind")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response changeKind(@PathParam("id") long id, Change change) {
    return answer(
        () -> clinicalFiles.changeKind(currentUser.caller(), id, clientId(change), kind(change)));
  }

  /** A specialist who is a member marks the document verified. */
  @POST
  @Path("{id: [0-9]{1,18}}/verification")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response verify(@PathParam("id") long id, Change change) {
    return answer(() -> clinicalFiles.verify(currentUser.caller(), id, clientId(change)));
  }

  /** Withdraws a verification: whoever gave it, or an administrator. */
  @POST
  @Path("{id: [0-9]{1,18}}/verification/revoke")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response revoke(@PathParam("id") long id, Change change) {
    return answer(() -> clinicalFiles.revoke(currentUser.caller(), id, clientId(change)));
  }

  private static Response answer(java.util.function.Supplier<Posted> change) {
    try {
      return Response.ok(JSONB.toJson(Accepted.of(change.get())), MediaType.APPLICATION_JSON)
          .build();
    } catch (Refused refused) {
      return Problems.of(refused);
    }
  }

  private static String clientId(Change change) {
    return change == null ? null : change.clientId();
  }

  private static String kind(Change change) {
    return change == null ? null : change.kind();
  }

  /** A text in the language of the person's session, or of their browser. */
  private String words(String key) {
    return words.get(LanguageChoice.of(request.getSession(false), request.getLocales()), key);
  }

  /** Header values are percent-encoded UTF-8 (a header cannot carry most of Unicode as it is). */
  static String decoded(String header) {
    if (header == null) {
      return null;
    }
    try {
      return URLDecoder.decode(header.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw Refused.invalid("file.name.encoding");
    }
  }
}
