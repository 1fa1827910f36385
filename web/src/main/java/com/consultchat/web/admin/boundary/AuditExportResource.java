package com.consultchat.web.admin.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.audit.boundary.AuditEntry;
import com.consultchat.audit.boundary.AuditTrail;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.platform.boundary.Settings;
import com.consultchat.web.account.boundary.CurrentUser;
import com.consultchat.web.account.boundary.LanguageChoice;
import com.consultchat.web.admin.control.AuditCsv;
import com.consultchat.web.admin.control.AuditQuery;
import com.consultchat.web.platform.boundary.Words;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;

/**
 * {@code GET /api/audit/export.csv?actor=…&object=…&id=…&action=…&from=…&to=…}: the entries the
 * audit log's filter matches, as CSV, for administrators. The export is itself an audit entry,
 * written with the reading (see {@link AuditTrail#export}).
 */
@Path("audit")
@RequestScoped
public class AuditExportResource {

  @Inject AuditTrail trail;
  @Inject CurrentUser currentUser;
  @Inject Settings settings;
  @Inject Words words;
  @Inject HttpServletRequest request;

  @GET
  @Path("export.csv")
  public Response export(
      @QueryParam("actor") String actor,
      @QueryParam("object") String object,
      @QueryParam("id") String id,
      @QueryParam("action") String action,
      @QueryParam("from") String from,
      @QueryParam("to") String to) {
    Caller caller = currentUser.caller();
    if (!caller.isAdmin()) {
      return plain(Response.Status.FORBIDDEN, refusal(Refused.forbidden("audit.export.forbidden")));
    }
    List<AuditEntry> entries;
    try {
      entries =
          trail.export(
              caller,
              new AuditQuery(actor, object, id, action, from, to)
                  .filter(ZoneId.of(settings.timeZone())));
    } catch (Refused refused) {
      return plain(Response.Status.BAD_REQUEST, refusal(refused));
    }
    StreamingOutput body =
        // Closing the printer flushes and closes the writer.
        out ->
            AuditCsv.write(
                entries, new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)));
    return Response.ok(body, new MediaType("text", "csv", "UTF-8"))
        .header("Content-Disposition", "attachment; filename=\"audit-log.csv\"")
        // Who looked at whose records is health-related: never kept by a cache.
        .header("Cache-Control", "no-store")
        .build();
  }

  /** A refusal in the language of the person's session, or of their browser. */
  private String refusal(Refused refused) {
    return words.refusal(
        LanguageChoice.of(request.getSession(false), request.getLocales()), refused);
  }

  private static Response plain(Response.Status status, String message) {
    return Response.status(status)
        .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
        .header("Cache-Control", "no-store")
        .entity(message)
        .build();
  }
}
