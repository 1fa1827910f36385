package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import com.consultchat.attachment.control.Samples;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClinicalImpression;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A consultation's record as a FHIR R4 bundle: downloaded as the patient would, read back with HAPI
 * and checked by HAPI's validator against the R4 profiles; the same people as the transcript may
 * have it, and each export is audited.
 */
class FhirExportIT {

  private static final String FIRST_QUESTION = "Здравствуйте, у меня болит горло уже три дня.";
  private static final String ANSWER = "Any fever? Please measure it tonight.";
  private static final String BEFORE_EDIT = "I take 50 mg of ibuprofen";
  private static final String AFTER_EDIT = "I take 500 mg of ibuprofen";
  private static final String DELETED = "Sorry, wrong chat: see you at lunch";
  private static final String AFTER_HANDOVER = "Is it normal that my ears hurt too?";
  private static final String SUMMARY = "Viral pharyngitis. Warm drinks, rest.";
  private static final String FILE_NAME = "Blutbild März.pdf";

  private static FhirValidator validator;

  @BeforeAll
  static void validator() {
    FhirContext context = FhirContext.forR4Cached();
    validator = context.newValidator();
    validator.registerValidatorModule(
        new FhirInstanceValidator(
            new ValidationSupportChain(
                new DefaultProfileValidationSupport(context),
                new CommonCodeSystemsTerminologyService(context),
                new InMemoryTerminologyServerValidationSupport(context),
                new SnapshotGeneratingValidationSupport(context))));
  }

  @Test
  void aPatientDownloadsTheConsultationAsABundleTheFhirValidatorAcceptsAndTheExportIsAudited() {
    Handed consultation = handedOverAndClosed();

    HttpResponse<byte[]> answer = consultation.taken.patient().download(path(consultation.id()));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/fhir+json"));
    assertThat(answer.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"consultation-" + consultation.id() + "-fhir.json\"");
    assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-store");
    String json = new String(answer.body(), StandardCharsets.UTF_8);
    assertThat(json).doesNotContain(DELETED, BEFORE_EDIT);

    Bundle bundle = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, json);
    ValidationResult validation = validator.validateWithResult(bundle);
    System.out.printf(
        "FHIR bundle of %d entries, %d bytes: %d validation messages, none worse than %s%n",
        bundle.getEntry().size(),
        answer.body().length,
        validation.getMessages().size(),
        validation.getMessages().stream()
            .map(SingleValidationMessage::getSeverity)
            .max(Enum::compareTo)
            .orElse(ResultSeverityEnum.INFORMATION));
    assertThat(
            validation.getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .map(m -> m.getLocationString() + ": " + m.getMessage()))
        .isEmpty();
    assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);

    List<Communication> messages = all(bundle, Communication.class);
    assertThat(
            String.join(
                ",", messages.stream().map(m -> m.getIdentifierFirstRep().getValue()).toList()))
        .isEqualTo(
            Database.text(
                "select string_agg(seq::text, ',' order by seq) from message"
                    + " where conversation_id = ? and kind in ('TEXT', 'FILE')",
                consultation.taken.conversation()));
    assertThat(messages).hasSize(6);
    String patientName = "Patient " + consultation.taken.patient().username;
    String firstName = "Dr. " + consultation.taken.staff().username;
    String nextName = "Dr. " + consultation.next.username;
    assertThat(text(messages.get(0))).isEqualTo(FIRST_QUESTION);
    assertThat(name(bundle, messages.get(0).getSender())).isEqualTo(patientName);
    assertThat(name(bundle, messages.get(0).getRecipientFirstRep())).isEqualTo(firstName);
    assertThat(name(bundle, messages.get(1).getSender())).isEqualTo(firstName);
    assertThat(name(bundle, messages.get(1).getRecipientFirstRep())).isEqualTo(patientName);
    assertThat(text(messages.get(2))).isEqualTo(AFTER_EDIT);
    assertThat(messages.get(2).getNoteFirstRep().getText()).contains("Edited");
    assertThat(messages.get(3).getStatus())
        .isEqualTo(Communication.CommunicationStatus.ENTEREDINERROR);
    assertThat(messages.get(3).getPayload()).isEmpty();
    assertThat(text(messages.get(5))).isEqualTo(AFTER_HANDOVER);
    assertThat(name(bundle, messages.get(5).getRecipientFirstRep())).isEqualTo(nextName);

    DocumentReference document =
        (DocumentReference)
            resolve(bundle, (Reference) messages.get(4).getPayload().get(1).getContent());
    Attachment file = document.getContentFirstRep().getAttachment();
    assertThat(file.getContentType()).isEqualTo("application/pdf");
    assertThat(file.getSize()).isEqualTo(Samples.pdf().length);
    assertThat(file.getTitle()).isEqualTo(FILE_NAME);
    assertThat(file.getUrl()).isEqualTo(TestServer.BASE_URL + "/api/files/" + consultation.file);
    assertThat(name(bundle, document.getAuthenticator())).isEqualTo(firstName);
    HttpResponse<byte[]> fetched =
        consultation
            .taken
            .patient()
            .download(file.getUrl().substring(TestServer.BASE_URL.length()));
    assertThat(fetched.body()).isEqualTo(Samples.pdf());

    Encounter encounter = all(bundle, Encounter.class).get(0);
    assertThat(encounter.getStatus()).isEqualTo(Encounter.EncounterStatus.FINISHED);
    assertThat(encounter.getReasonCodeFirstRep().getText()).isEqualTo(consultation.subject);
    assertThat(all(bundle, ClinicalImpression.class).get(0).getSummary()).isEqualTo(SUMMARY);

    assertThat(
            Database.count(
                "select count(*) from audit_event where target_type = 'CONSULTATION'"
                    + " and target_id = ? and actor_username = ? and action = 'TRANSCRIPT_EXPORTED'"
                    + " and not admin_access",
                consultation.id(),
                consultation.taken.patient().username))
        .isEqualTo(1);
  }

  @Test
  void onlyThoseWhoMayReadTheTranscriptGetItsBundleAndOthersGetWhatAnUnknownIdGets() {
    ClosedConsultation consultation = ClosedConsultation.create();
    WebClient otherPatient = WebClient.newPatient();
    WebClient otherStaff = WebClient.newStaff();
    HttpResponse<byte[]> unknown = otherPatient.download(path(999_999_999));

    for (WebClient prober : new WebClient[] {otherPatient, otherStaff}) {
      HttpResponse<byte[]> refused = prober.download(path(consultation.id()));

      assertThat(refused.statusCode()).isEqualTo(404).isEqualTo(unknown.statusCode());
      assertThat(refused.body()).isEqualTo(unknown.body());
      assertThat(new String(refused.body(), StandardCharsets.UTF_8))
          .doesNotContain(consultation.subject());
      assertThat(
              Database.count(
                  "select count(*) from audit_event where actor_username = ?"
                      + " and target_type <> 'ACCOUNT'",
                  prober.username))
          .isZero();
    }
    assertThat(otherPatient.download("/api/transcripts/abc.fhir.json").statusCode()).isEqualTo(404);

    assertThat(consultation.staff().download(path(consultation.id())).statusCode()).isEqualTo(200);
    WebClient admin = WebClient.admin();
    HttpResponse<byte[]> byAdmin = admin.download(path(consultation.id()));
    assertThat(byAdmin.statusCode()).isEqualTo(200);
    assertThat(new String(byAdmin.body(), StandardCharsets.UTF_8))
        .contains(ClosedConsultation.SUMMARY);
    assertThat(
            Database.count(
                "select count(*) from audit_event where target_type = 'CONSULTATION'"
                    + " and target_id = ? and action = 'TRANSCRIPT_EXPORTED' and admin_access"
                    + " and actor_username = 'admin'",
                consultation.id()))
        .isEqualTo(1);
    assertThat(
            Database.count(
                "select count(*) from audit_event where target_type = 'CONSULTATION'"
                    + " and target_id = ? and action = 'TRANSCRIPT_EXPORTED'",
                consultation.id()))
        .isEqualTo(2);
    assertThat(admin.get("/admin/audit.xhtml?object=CONSULTATION&id=" + consultation.id()).body())
        .contains("Exported a transcript as FHIR", "administrator access");
  }

  @Test
  void theTranscriptPageOffersTheBundleBesideThePdf() {
    ClosedConsultation consultation = ClosedConsultation.create();

    String page = consultation.patient().get(consultation.pagePath()).body();

    assertThat(page)
        .contains("id=\"download-fhir\"", "/api/transcripts/" + consultation.id() + ".fhir.json");
  }

  @Test
  void aConsultationOfFiveThousandLongMessagesExportsWholeAndValid() {
    TakenConsultation consultation = TakenConsultation.create("A long consultation");
    int count = 5_000;
    // About 1,500 characters each, 7.5 MB of text: the size TranscriptIT renders as a PDF.
    consultation.fillWithLongMessages(count);

    long started = System.nanoTime();
    HttpResponse<byte[]> answer = consultation.patient().download(path(consultation.id()));
    long millis = (System.nanoTime() - started) / 1_000_000;

    assertThat(answer.statusCode()).isEqualTo(200);
    Bundle bundle =
        FhirContext.forR4Cached()
            .newJsonParser()
            .parseResource(Bundle.class, new String(answer.body(), StandardCharsets.UTF_8));
    System.out.printf(
        "FHIR bundle of %d messages: %d KB, served in %d ms%n",
        count, answer.body().length / 1024, millis);
    List<Communication> messages = all(bundle, Communication.class);
    assertThat(messages).hasSize(count);
    assertThat(text(messages.get(count - 1))).startsWith("Message " + count + ":");
    assertThat(messages.get(count - 1).getStatus())
        .isEqualTo(Communication.CommunicationStatus.COMPLETED);
  }

  /** Taken, written in, a file sent and verified, handed to a colleague, written in and closed. */
  private record Handed(TakenConsultation taken, WebClient next, String subject, long file) {
    long id() {
      return taken.id();
    }
  }

  private static Handed handedOverAndClosed() {
    String subject = WebClient.unique("Sore throat");
    TakenConsultation taken = TakenConsultation.create(subject);
    try (SocketClient patient = SocketClient.open(taken.patient());
        SocketClient staff = SocketClient.open(taken.staff())) {
      patient.send(taken.conversation(), FIRST_QUESTION);
      patient.next("ack");
      staff.send(taken.conversation(), ANSWER);
      staff.next("ack");
      patient.send(taken.conversation(), BEFORE_EDIT);
      long edited = patient.next("ack").getJsonNumber("seq").longValue();
      patient.sendFrame(
          ClosedConsultation.change("edit", taken.conversation(), edited, AFTER_EDIT));
      patient.next("ack");
      staff.send(taken.conversation(), DELETED);
      long deleted = staff.next("ack").getJsonNumber("seq").longValue();
      staff.sendFrame(ClosedConsultation.change("delete", taken.conversation(), deleted, null));
      staff.next("ack");
    }
    HttpResponse<String> sent =
        taken
            .patient()
            .upload(taken.conversation(), uuid(), FILE_NAME, "My results", Samples.pdf());
    assertThat(sent.statusCode()).as(sent.body()).isEqualTo(200);
    long file =
        Json.createReader(new StringReader(sent.body()))
            .readObject()
            .getJsonObject("message")
            .getJsonObject("file")
            .getJsonNumber("id")
            .longValue();
    HttpResponse<String> verified =
        taken
            .staff()
            .postJson("/api/files/" + file + "/verification", "{\"clientId\":\"" + uuid() + "\"}");
    assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);
    WebClient next = WebClient.newStaff();
    taken
        .staff()
        .submit(
            taken.chatPath(),
            "transfer",
            Map.of("target", taken.transferOption(next), "note", "Over to you."),
            "submit");
    next.submit(taken.chatPath(), "accept", Map.of(), "submit");
    try (SocketClient patient = SocketClient.open(taken.patient())) {
      patient.send(taken.conversation(), AFTER_HANDOVER);
      patient.next("ack");
    }
    next.submit(taken.chatPath(), "close", Map.of("summary", SUMMARY), "submit");
    assertThat(Database.status(taken.id())).isEqualTo("CLOSED");
    return new Handed(taken, next, subject, file);
  }

  private static String path(long id) {
    return "/api/transcripts/" + id + ".fhir.json";
  }

  private static String uuid() {
    return UUID.randomUUID().toString();
  }

  private static <T extends Resource> List<T> all(Bundle bundle, Class<T> type) {
    return bundle.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .filter(type::isInstance)
        .map(type::cast)
        .toList();
  }

  private static Resource resolve(Bundle bundle, Reference reference) {
    return bundle.getEntry().stream()
        .filter(e -> e.getFullUrl().equals(reference.getReference()))
        .map(Bundle.BundleEntryComponent::getResource)
        .findFirst()
        .orElseThrow(() -> new AssertionError("Unresolved: " + reference.getReference()));
  }

  private static String name(Bundle bundle, Reference reference) {
    Resource person = resolve(bundle, reference);
    return person instanceof Patient patient
        ? patient.getNameFirstRep().getText()
        : ((Practitioner) person).getNameFirstRep().getText();
  }

  private static String text(Communication communication) {
    return ((StringType) communication.getPayloadFirstRep().getContent()).getValue();
  }
}
