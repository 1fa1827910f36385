package com.consultchat.web.consultation.control;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import com.consultchat.consultation.boundary.ConsultationRecord;
import com.consultchat.consultation.boundary.ConsultationRecord.Document;
import com.consultchat.consultation.boundary.ConsultationRecord.Entry;
import com.consultchat.consultation.boundary.ConsultationRecord.Party;
import com.consultchat.consultation.boundary.ConsultationStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
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

class FhirRecordTest {

  private static final String APP = "https://chat.clinic.example/consultchat/";
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  private static final String SHA256 =
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
  private static final Party PATIENT = new Party(11, "Мария Иванова");
  private static final Party FIRST = new Party(21, "Dr. First");
  private static final Party SECOND = new Party(22, "Dr. Second");

  private static FhirValidator validator;

  @BeforeAll
  static void validator() {
    FhirContext context = FhirContext.forR4Cached();
    ValidationSupportChain support =
        new ValidationSupportChain(
            new DefaultProfileValidationSupport(context),
            new CommonCodeSystemsTerminologyService(context),
            new InMemoryTerminologyServerValidationSupport(context),
            new SnapshotGeneratingValidationSupport(context));
    validator = context.newValidator();
    validator.registerValidatorModule(new FhirInstanceValidator(support));
  }

  @Test
  void aClosedConsultationIsAValidCollectionWithOneCommunicationPerMessageInOrder() {
    Bundle bundle = FhirRecord.bundle(closed(), APP, T0.plusSeconds(9_000), UUID.randomUUID());

    assertThat(errors(bundle)).isEmpty();
    assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);
    assertThat(bundle.getTimestamp().toInstant()).isEqualTo(T0.plusSeconds(9_000));
    List<Communication> messages = all(bundle, Communication.class);
    assertThat(messages)
        .extracting(c -> c.getIdentifierFirstRep().getValue())
        .containsExactly("1", "2", "3", "4");
    assertThat(messages.get(0).getIdentifierFirstRep().getSystem())
        .isEqualTo(APP + "consultations/5/messages");
    assertThat(text(messages.get(0))).isEqualTo("Болит горло");
    assertThat(messages.get(0).getSentElement().getValue().toInstant())
        .isEqualTo(T0.plusSeconds(60));
    assertThat(all(bundle, Patient.class))
        .singleElement()
        .satisfies(p -> assertThat(p.getNameFirstRep().getText()).isEqualTo(PATIENT.name()));
    assertThat(all(bundle, Practitioner.class))
        .extracting(p -> p.getNameFirstRep().getText())
        .containsExactly(SECOND.name(), FIRST.name());
    assertThat(all(bundle, ClinicalImpression.class))
        .singleElement()
        .satisfies(
            summary -> {
              assertThat(summary.getSummary()).isEqualTo("Viral pharyngitis.");
              assertThat(resolve(bundle, summary.getAssessor())).isInstanceOf(Practitioner.class);
            });
  }

  @Test
  void senderAndRecipientAreThePeopleByReferenceAndThePatientWritesToWhoeverHeldItThen() {
    Bundle bundle = FhirRecord.bundle(closed(), APP, T0, UUID.randomUUID());
    List<Communication> messages = all(bundle, Communication.class);

    Communication fromPatient = messages.get(0);
    assertThat(name(resolve(bundle, fromPatient.getSender()))).isEqualTo(PATIENT.name());
    assertThat(name(resolve(bundle, fromPatient.getRecipientFirstRep()))).isEqualTo(FIRST.name());
    Communication fromStaff = messages.get(1);
    assertThat(name(resolve(bundle, fromStaff.getSender()))).isEqualTo(SECOND.name());
    assertThat(name(resolve(bundle, fromStaff.getRecipientFirstRep()))).isEqualTo(PATIENT.name());
    for (Communication message : messages) {
      assertThat(resolve(bundle, message.getEncounter())).isInstanceOf(Encounter.class);
      assertThat(resolve(bundle, message.getSubject())).isInstanceOf(Patient.class);
    }
  }

  @Test
  void aDeletedMessageStaysAsEnteredInErrorWithoutItsTextAndAnEditedOneSaysSo() {
    List<Communication> messages =
        all(FhirRecord.bundle(closed(), APP, T0, UUID.randomUUID()), Communication.class);

    Communication deleted = messages.get(2);
    assertThat(deleted.getStatus()).isEqualTo(Communication.CommunicationStatus.ENTEREDINERROR);
    assertThat(deleted.getPayload()).isEmpty();
    assertThat(deleted.getStatusReason().getText()).isEqualTo(FhirMessages.DELETED);
    assertThat(deleted.hasSent()).isTrue();
    Communication edited = messages.get(1);
    assertThat(edited.getStatus()).isEqualTo(Communication.CommunicationStatus.COMPLETED);
    assertThat(edited.getNoteFirstRep().getText()).isEqualTo(FhirMessages.EDITED);
    assertThat(edited.getNoteFirstRep().getTimeElement().getValue().toInstant())
        .isEqualTo(T0.plusSeconds(200));
  }

  @Test
  void aFileIsADocumentReferenceWithItsTypeSizeTitleAddressChecksumAndVerifier() {
    Bundle bundle = FhirRecord.bundle(closed(), APP, T0, UUID.randomUUID());
    Communication withFile = all(bundle, Communication.class).get(3);

    assertThat(text(withFile)).isEqualTo("My results");
    DocumentReference document =
        (DocumentReference) resolve(bundle, (Reference) withFile.getPayload().get(1).getContent());
    var attachment = document.getContentFirstRep().getAttachment();
    assertThat(attachment.getContentType()).isEqualTo("application/pdf");
    assertThat(attachment.getSize()).isEqualTo(48_213);
    assertThat(attachment.getTitle()).isEqualTo("Blutbild März.pdf");
    assertThat(attachment.getUrl()).isEqualTo(APP + "api/files/77");
    assertThat(document.getMasterIdentifier().getValue())
        .isEqualTo("ni:///sha-256;n4bQgYhMfWWaL-qgxVrQFaO_TxsrC4Is0V1sFbDwCgg");
    assertThat(document.getDescription()).isEqualTo("Lab result, verified");
    assertThat(name(resolve(bundle, document.getAuthorFirstRep()))).isEqualTo(PATIENT.name());
    assertThat(name(resolve(bundle, document.getAuthenticator()))).isEqualTo(SECOND.name());
    assertThat(all(bundle, DocumentReference.class)).hasSize(1);
  }

  @Test
  void aSecondExportNamesTheSameThingsAlikeButIsItselfANewExport() {
    Bundle first = FhirRecord.bundle(closed(), APP, T0, UUID.randomUUID());
    Bundle second = FhirRecord.bundle(closed(), APP, T0, UUID.randomUUID());

    assertThat(second.getEntry())
        .extracting(Bundle.BundleEntryComponent::getFullUrl)
        .isEqualTo(first.getEntry().stream().map(Bundle.BundleEntryComponent::getFullUrl).toList())
        .allMatch(url -> url.startsWith("urn:uuid:"))
        .doesNotHaveDuplicates();
    assertThat(second.getIdentifier().getValue()).isNotEqualTo(first.getIdentifier().getValue());
  }

  @Test
  void aWaitingRequestIsAValidBundleWithoutSpecialistOrSummary() {
    ConsultationRecord waiting =
        new ConsultationRecord(
            6,
            "Rash on arm",
            null,
            ConsultationStatus.REQUESTED,
            T0,
            null,
            null,
            null,
            PATIENT,
            null,
            List.of(),
            List.of(new Entry(1, PATIENT.id(), null, T0, null, false, "Hello?", null)));

    Bundle bundle = FhirRecord.bundle(waiting, APP, T0, UUID.randomUUID());

    assertThat(errors(bundle)).isEmpty();
    assertThat(all(bundle, Encounter.class))
        .singleElement()
        .satisfies(e -> assertThat(e.getStatus()).isEqualTo(Encounter.EncounterStatus.ARRIVED));
    assertThat(all(bundle, Communication.class).get(0).hasRecipient()).isFalse();
    assertThat(all(bundle, ClinicalImpression.class)).isEmpty();
  }

  @Test
  void theWrittenJsonReadsBackAsTheSameBundle() {
    Bundle bundle = FhirRecord.bundle(closed(), APP, T0, UUID.randomUUID());

    String json = FhirJson.write(bundle);
    Bundle read = FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, json);

    // Times to the millisecond and in UTC, whatever the server's own zone.
    assertThat(json).contains("\"sent\": \"2026-11-23T10:01:00.000+00:00\"");

    assertThat(read.getEntry()).hasSameSizeAs(bundle.getEntry());
    assertThat(text(all(read, Communication.class).get(0))).isEqualTo("Болит горло");
    assertThat(errors(read)).isEmpty();
  }

  @Test
  void theValidatorTheseTestsTrustFindsAMessageWithoutAStatus() {
    Bundle bundle = FhirRecord.bundle(closed(), APP, T0, UUID.randomUUID());
    all(bundle, Communication.class).get(0).setStatus(null);

    assertThat(errors(bundle)).singleElement().asString().contains("Communication.status");
  }

  /** Taken by FIRST, handed to SECOND, who closed it; one message edited, one deleted, a file. */
  private static ConsultationRecord closed() {
    Document results =
        new Document(
            77,
            "Blutbild März.pdf",
            "application/pdf",
            48_213,
            SHA256,
            "Lab result",
            SECOND.id(),
            T0.plusSeconds(400));
    return new ConsultationRecord(
        5,
        "Sore throat",
        "General practice",
        ConsultationStatus.CLOSED,
        T0,
        T0.plusSeconds(30),
        T0.plusSeconds(600),
        "Viral pharyngitis.",
        PATIENT,
        SECOND.id(),
        List.of(SECOND, FIRST),
        List.of(
            new Entry(
                1, PATIENT.id(), FIRST.id(), T0.plusSeconds(60), null, false, "Болит горло", null),
            new Entry(
                2,
                SECOND.id(),
                PATIENT.id(),
                T0.plusSeconds(120),
                T0.plusSeconds(200),
                false,
                "Any fever?",
                null),
            new Entry(3, SECOND.id(), PATIENT.id(), T0.plusSeconds(150), null, true, "", null),
            new Entry(
                4,
                PATIENT.id(),
                SECOND.id(),
                T0.plusSeconds(300),
                null,
                false,
                "My results",
                results)));
  }

  private static List<String> errors(Bundle bundle) {
    return validator.validateWithResult(bundle).getMessages().stream()
        .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
        .map(FhirRecordTest::describe)
        .toList();
  }

  private static String describe(SingleValidationMessage message) {
    return message.getSeverity() + " " + message.getLocationString() + ": " + message.getMessage();
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

  private static String name(Resource person) {
    return person instanceof Patient patient
        ? patient.getNameFirstRep().getText()
        : ((Practitioner) person).getNameFirstRep().getText();
  }

  private static String text(Communication communication) {
    return ((StringType) communication.getPayloadFirstRep().getContent()).getValue();
  }
}
