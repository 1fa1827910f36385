package com.consultchat.web.privacy.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.attachment.boundary.Attachments;
import com.consultchat.attachment.boundary.FileGrant;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.privacy.boundary.DataExport;
import com.consultchat.privacy.boundary.DataExports;
import com.consultchat.web.account.boundary.CurrentUser;
import com.consultchat.web.account.boundary.LanguageChoice;
import com.consultchat.web.consultation.boundary.TranscriptPdfs;
import com.consultchat.web.platform.boundary.Problems;
import com.consultchat.web.platform.boundary.Words;
import com.consultchat.web.privacy.control.ExportZip;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /api/data-export?zone=Europe/Berlin}: everything about the caller as one ZIP download
 * (their right of access). An administrator adds {@code &person=<id>} to produce it for a patient,
 * audited as administrator access. What the ZIP holds is gathered and audited first, in one
 * transaction; the ZIP is then streamed, each file's bytes chunk by chunk.
 */
@Path("data-export")
@RequestScoped
public class DataExportResource {

  @Inject DataExports exports;
  @Inject Attachments attachments;
  @Inject CurrentUser currentUser;
  @Inject Words words;
  @Inject HttpServletRequest request;

  @GET
  public Response zip(@QueryParam("person") Long person, @QueryParam("zone") String zone) {
    Caller caller = currentUser.caller();
    long personId = person == null ? caller.id() : person;
    DataExport export;
    try {
      export = exports.prepare(caller, personId);
    } catch (Refused refused) {
      return Problems.of(refused);
    }
    Map<Long, FileGrant> grants = new HashMap<>();
    List<ExportZip.ExportFile> files =
        export.files().stream()
            .map(
                grant -> {
                  grants.put(grant.id(), grant);
                  return new ExportZip.ExportFile(
                      grant.id(),
                      grant.name(),
                      grant.type(),
                      grant.size(),
                      ExportZip.path(grant.id(), grant.name()));
                })
            .toList();
    Locale locale = LanguageChoice.of(request.getSession(false), request.getLocales());
    StreamingOutput body =
        out ->
            ExportZip.write(
                ExportZip.readme(key -> words.get(locale, key)),
                export,
                files,
                transcript -> TranscriptPdfs.render(transcript, zone),
                (file, zip) -> attachments.write(grants.get(file.id()), zip),
                out);
    String name = "consultchat-data-" + personId + "-" + LocalDate.now(ZoneOffset.UTC) + ".zip";
    return Response.ok(body, "application/zip")
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .header("X-Content-Type-Options", "nosniff")
        // Health information: never kept by the browser or anything in between.
        .header("Cache-Control", "no-store")
        .build();
  }
}
