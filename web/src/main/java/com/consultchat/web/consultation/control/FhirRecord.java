package com.consultchat.web.consultation.control;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import com.consultchat.consultation.boundary.ConsultationRecord;
import com.consultchat.consultation.boundary.ConsultationRecord.Party;
import com.consultchat.consultation.boundary.ConsultationStatus;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ClinicalImpression;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A consultation's record as a FHIR R4 bundle of type {@code collection}: the patient, the
 * specialists, an {@code Encounter} for the consultation, one {@code Communication} per message in
 * order with a {@code DocumentReference} per file (see {@link FhirMessages}), and the closing
 * summary as a {@code ClinicalImpression}. Not a {@code document} bundle: that is a {@code
 * Composition} someone attests as a clinical document, while this is the exchange as it stands,
 * which a record system files resource by resource.
 *
 * <p>Entries are named by {@code urn:uuid}s derived from this deployment's address and the ids, so
 * a second export of the same consultation names the same things alike; identifiers carry the ids
 * under systems at that address.
 */
public final class FhirRecord {

  private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  private static final String PARTICIPATION =
      "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

  private final ConsultationRecord record;
  private final String app;
  private final Bundle bundle = new Bundle();

  private FhirRecord(ConsultationRecord record, String app) {
    this.record = record;
    this.app = app.endsWith("/") ? app : app + "/";
  }

  /**
   * {@code app}: the application's own address ({@code https://chat.example/consultchat/}), under
   * which files are downloaded and ids are named; {@code exportId} names this one export.
   */
  public static Bundle bundle(ConsultationRecord record, String app, Instant now, UUID exportId) {
    return new FhirRecord(record, app).build(now, exportId);
  }

  private Bundle build(Instant now, UUID exportId) {
    bundle.setType(Bundle.BundleType.COLLECTION);
    bundle.setIdentifier(
        new Identifier().setSystem("urn:ietf:rfc:3986").setValue("urn:uuid:" + exportId));
    bundle.setTimestampElement(instant(now));
    add(patient(record.patient()));
    record.staff().forEach(party -> add(practitioner(party)));
    add(encounter());
    new FhirMessages(this, record).entries().forEach(this::add);
    if (record.summary() != null && !record.summary().isBlank()) {
      add(summary());
    }
    return bundle;
  }

  private Patient patient(Party party) {
    Patient patient = new Patient();
    patient.setId(uuid("Patient", party.id()));
    patient.addIdentifier(identifier("accounts", party.id()));
    patient.addName(new HumanName().setText(party.name()));
    return patient;
  }

  private Practitioner practitioner(Party party) {
    Practitioner practitioner = new Practitioner();
    practitioner.setId(uuid("Practitioner", party.id()));
    practitioner.addIdentifier(identifier("accounts", party.id()));
    practitioner.addName(new HumanName().setText(party.name()));
    return practitioner;
  }

  private Encounter encounter() {
    Encounter encounter = new Encounter();
    encounter.setId(uuid("Encounter", record.id()));
    encounter.addIdentifier(identifier("consultations", record.id()));
    encounter.setStatus(status(record.status()));
    encounter.setClass_(new Coding(ACT_CODE, "VR", "virtual"));
    if (record.specialty() != null) {
      encounter.setServiceType(new CodeableConcept().setText(record.specialty()));
    }
    encounter.addReasonCode(new CodeableConcept().setText(record.subject()));
    encounter.setSubject(patientRef());
    for (Party party : record.staff()) {
      boolean holder = record.staffId() != null && record.staffId() == party.id();
      encounter
          .addParticipant()
          .addType(
              new CodeableConcept(
                  holder
                      ? new Coding(PARTICIPATION, "PPRF", "primary performer")
                      : new Coding(PARTICIPATION, "PART", "Participation")))
          .setIndividual(practitionerRef(party.id()));
    }
    Period period = new Period().setStartElement(dateTime(record.requestedAt()));
    if (record.closedAt() != null) {
      period.setEndElement(dateTime(record.closedAt()));
    }
    encounter.setPeriod(period);
    return encounter;
  }

  private ClinicalImpression summary() {
    ClinicalImpression impression = new ClinicalImpression();
    impression.setId(uuid("ClinicalImpression", record.id()));
    impression.setStatus(ClinicalImpression.ClinicalImpressionStatus.COMPLETED);
    impression.setSubject(patientRef());
    impression.setEncounter(encounterRef());
    if (record.closedAt() != null) {
      impression.setDateElement(dateTime(record.closedAt()));
    }
    if (record.staffId() != null) {
      impression.setAssessor(practitionerRef(record.staffId()));
    }
    impression.setSummary(record.summary());
    return impression;
  }

  /** A moment as FHIR writes it: to the millisecond, in UTC, the same on every server. */
  static DateTimeType dateTime(Instant instant) {
    return new DateTimeType(Date.from(instant), TemporalPrecisionEnum.MILLI, UTC);
  }

  static InstantType instant(Instant instant) {
    return new InstantType(Date.from(instant), TemporalPrecisionEnum.MILLI, UTC);
  }

  /** Waiting for a specialist (first or after a hand-over), in progress, or over. */
  static Encounter.EncounterStatus status(ConsultationStatus status) {
    return switch (status) {
      case REQUESTED, TRANSFERRED -> Encounter.EncounterStatus.ARRIVED;
      case ACTIVE -> Encounter.EncounterStatus.INPROGRESS;
      case CLOSED -> Encounter.EncounterStatus.FINISHED;
    };
  }

  Reference patientRef() {
    return FhirRefs.to("Patient", uuid("Patient", record.patient().id()));
  }

  Reference practitionerRef(long id) {
    return FhirRefs.to("Practitioner", uuid("Practitioner", id));
  }

  /** The patient or one of the specialists, by account. */
  Reference personRef(long id) {
    return id == record.patient().id() ? patientRef() : practitionerRef(id);
  }

  Reference encounterRef() {
    return FhirRefs.to("Encounter", uuid("Encounter", record.id()));
  }

  Identifier identifier(String kind, Object id) {
    return new Identifier().setSystem(app + kind).setValue(String.valueOf(id));
  }

  String app() {
    return app;
  }

  /** The same name for the same thing of this deployment, in every export. */
  String uuid(String type, Object id) {
    return FhirRefs.uuid(app + type + "/" + id);
  }

  private void add(Resource resource) {
    bundle.addEntry().setFullUrl("urn:uuid:" + resource.getIdPart()).setResource(resource);
  }
}
