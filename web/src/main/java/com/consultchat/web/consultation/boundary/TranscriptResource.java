package com.consultchat.web.consultation.boundary;

import com.consultchat.consultation.boundary.ConsultationRecord;
import com.consultchat.consultation.boundary.Transcript;
import com.consultchat.consultation.boundary.Transcripts;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.web.account.boundary.CurrentUser;
import com.consultchat.web.account.boundary.LanguageChoice;
import com.consultchat.web.consultation.control.FhirJson;
import com.consultchat.web.consultation.control.FhirRecord;
import com.consultchat.web.consultation.control.RenderSlots;
import com.consultchat.web.consultation.control.TranscriptPdf;
import com.consultchat.web.platform.boundary.Words;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;

/**
 * {@code GET /api/transcripts/{id}.pdf?zone=Europe/Berlin}: the transcript as a PDF download;
 * {@code GET /api/transcripts/{id}.fhir.json}: its record as a FHIR R4 bundle for a medical record
 * system. Each is recorded in the audit trail. Anyone who may not read it gets the 404 an unknown
 * id gets.
 */
@Path("transcripts")
@RequestScoped
public class TranscriptResource {

  @Inject Transcripts transcripts;
  @Inject CurrentUser currentUser;
  @Inject RenderSlots renders;
  @Inject Clock clock;
  @Inject Words words;
  @Inject LanguageChoice language;
  @Context UriInfo uriInfo;

  @GET
  @Path("{id: [0-9]{1,18}}.pdf")
  public Response pdf(@PathParam("id") long id, @QueryParam("zone") String zone) {
    Optional<RenderSlots.Slot> slot = renders.take();
    if (slot.isEmpty()) {
      return busy();
    }
    try (RenderSlots.Slot held = slot.get()) {
      Transcript transcript;
      try {
        transcript = transcripts.download(currentUser.caller(), id);
      } catch (Refused refused) {
        return notFound(refused);
      }
      return Response.ok(
              TranscriptPdf.render(transcript, zone(zone), words, language.getLocale()),
              "application/pdf")
          .header(
              "Content-Disposition",
              "attachment; filename=\"consultation-" + id + "-transcript.pdf\"")
          // Health information: never kept by the browser or anything in between.
          .header("Cache-Control", "no-store")
          .build();
    }
  }

  @GET
  @Path("{id: [0-9]{1,18}}.fhir.json")
  public Response fhir(@PathParam("id") long id) {
    // A long consultation's bundle takes a core and some megabytes as a PDF does: the same slots.
    Optional<RenderSlots.Slot> slot = renders.take();
    if (slot.isEmpty()) {
      return busy();
    }
    try (RenderSlots.Slot held = slot.get()) {
      ConsultationRecord record;
      try {
        record = transcripts.export(currentUser.caller(), id);
      } catch (Refused refused) {
        return notFound(refused);
      }
      // The application's address, under which the bundle names its files and ids.
      String app = uriInfo.getBaseUri().resolve("..").toString();
      Bundle bundle = FhirRecord.bundle(record, app, clock.instant(), UUID.randomUUID());
      return Response.ok(
              FhirJson.write(bundle).getBytes(StandardCharsets.UTF_8),
              FhirJson.MEDIA_TYPE + ";charset=UTF-8")
          // Names the consultation by number only: a file name is no place for health data.
          .header(
              "Content-Disposition", "attachment; filename=\"consultation-" + id + "-fhir.json\"")
          .header("Cache-Control", "no-store")
          .build();
    }
  }

  private Response busy() {
    return Response.status(429)
        .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
        .header("Retry-After", RenderSlots.RETRY_AFTER_SECONDS)
        .header("Cache-Control", "no-store")
        .entity(words.get(language.getLocale(), "transcript.busy"))
        .build();
  }

  private Response notFound(Refused refused) {
    return Response.status(Response.Status.NOT_FOUND)
        .type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
        .header("Cache-Control", "no-store")
        .entity(words.refusal(language.getLocale(), refused))
        .build();
  }

  /** The reader's time zone as their browser reports it; UTC when missing or unknown. */
  static ZoneId zone(String id) {
    if (id == null || id.isBlank() || id.length() > 64) {
      return ZoneOffset.UTC;
    }
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      return ZoneOffset.UTC;
    }
  }
}
