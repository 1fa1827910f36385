package com.consultchat.web.consultation.control;

import com.consultchat.consultation.boundary.ConsultationRecord;
import com.consultchat.consultation.boundary.ConsultationRecord.Document;
import com.consultchat.consultation.boundary.ConsultationRecord.Entry;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;

/**
 * The messages of a consultation as {@code Communication}s, in order, then its files as {@code
 * DocumentReference}s. A deleted message stays, as {@code entered-in-error} without content: the
 * record shows that something was said and withdrawn, and when, as a paper record strikes a line
 * out rather than tearing the page. An edited one carries its latest text and a note of the edit.
 */
final class FhirMessages {

  static final String DELETED = "Deleted by the sender; its content is not kept.";
  static final String EDITED = "Edited by the sender after sending.";

  private final FhirRecord names;
  private final ConsultationRecord record;

  FhirMessages(FhirRecord names, ConsultationRecord record) {
    this.names = names;
    this.record = record;
  }

  List<Resource> entries() {
    List<Resource> communications = new ArrayList<>();
    List<Resource> documents = new ArrayList<>();
    for (Entry entry : record.entries()) {
      communications.add(communication(entry));
      if (entry.file() != null) {
        documents.add(document(entry, entry.file()));
      }
    }
    communications.addAll(documents);
    return communications;
  }

  private Communication communication(Entry entry) {
    Communication communication = new Communication();
    communication.setId(names.uuid("Communication", record.id() + "/" + entry.seq()));
    communication.addIdentifier(
        names.identifier("consultations/" + record.id() + "/messages", entry.seq()));
    communication.setSubject(names.patientRef());
    communication.setEncounter(names.encounterRef());
    communication.setSentElement(FhirRecord.dateTime(entry.sentAt()));
    communication.setSender(names.personRef(entry.senderId()));
    if (entry.recipientId() != null) {
      communication.addRecipient(names.personRef(entry.recipientId()));
    }
    if (entry.deleted()) {
      communication.setStatus(Communication.CommunicationStatus.ENTEREDINERROR);
      communication.setStatusReason(new CodeableConcept().setText(DELETED));
      return communication;
    }
    communication.setStatus(Communication.CommunicationStatus.COMPLETED);
    if (entry.body() != null && !entry.body().isBlank()) {
      communication.addPayload().setContent(new StringType(entry.body()));
    }
    if (entry.file() != null) {
      communication
          .addPayload()
          .setContent(FhirRefs.to("DocumentReference", documentUuid(entry.file())));
    }
    if (entry.editedAt() != null) {
      communication.addNote(
          new Annotation().setText(EDITED).setTimeElement(FhirRecord.dateTime(entry.editedAt())));
    }
    return communication;
  }

  private DocumentReference document(Entry entry, Document file) {
    DocumentReference document = new DocumentReference();
    document.setId(documentUuid(file));
    if (file.sha256() != null) {
      document.setMasterIdentifier(
          new Identifier().setSystem("urn:ietf:rfc:3986").setValue(contentName(file.sha256())));
    }
    document.addIdentifier(names.identifier("files", file.id()));
    document.setStatus(Enumerations.DocumentReferenceStatus.CURRENT);
    document.setSubject(names.patientRef());
    document.setDateElement(FhirRecord.instant(entry.sentAt()));
    document.addAuthor(names.personRef(entry.senderId()));
    if (file.verifiedById() != null) {
      document.setAuthenticator(names.personRef(file.verifiedById()));
    }
    document.setDescription(
        file.kind() + (file.verifiedAt() == null ? ", not verified" : ", verified"));
    document.getContext().addEncounter(names.encounterRef());
    document
        .addContent()
        .setAttachment(
            new Attachment()
                .setContentType(file.type())
                .setSize(Math.toIntExact(file.size()))
                .setTitle(file.name())
                .setUrl(names.app() + "api/files/" + file.id())
                .setCreationElement(FhirRecord.dateTime(entry.sentAt())));
    return document;
  }

  private String documentUuid(Document file) {
    return names.uuid("DocumentReference", file.id());
  }

  /**
   * The file's SHA-256 as a name for its content (RFC 6920): FHIR's own attachment hash is SHA-1,
   * which the server does not keep.
   */
  static String contentName(String sha256Hex) {
    return "ni:///sha-256;"
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(HexFormat.of().parseHex(sha256Hex));
  }
}
