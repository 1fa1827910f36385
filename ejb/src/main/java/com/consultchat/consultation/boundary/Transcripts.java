package com.consultchat.consultation.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.attachment.boundary.Attachments;
import com.consultchat.audit.boundary.AuditAction;
import com.consultchat.audit.boundary.AuditLog;
import com.consultchat.consultation.control.ConsultationLists;
import com.consultchat.consultation.entity.Consultation;
import com.consultchat.consultation.entity.Handover;
import com.consultchat.messaging.boundary.ConversationKind;
import com.consultchat.messaging.boundary.FileRef;
import com.consultchat.messaging.boundary.MessageKind;
import com.consultchat.messaging.boundary.StoredMessage;
import com.consultchat.messaging.boundary.StoredMessages;
import com.consultchat.platform.boundary.Refused;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Transcripts of consultations, for the people who took part: the patient, the specialist who holds
 * it and those who held it before a hand-over. Administrators may read every transcript, and that
 * access is recorded as administrator access. Every view and download is written to the audit trail
 * in the same transaction; anyone else gets the answer an unknown id gets, and no trace is written.
 */
@Stateless
public class Transcripts {

  public static final String NOT_YOURS = "consultation.not-yours";
  static final int RECENTLY_CLOSED = 20;

  @Inject EntityManager em;
  @Inject ConsultationLists lists;
  @Inject AuditLog auditLog;
  @Inject StoredMessages stored;
  @Inject Attachments attachments;

  /** For the printable page. */
  public Transcript view(Caller caller, long consultationId) {
    return read(caller, consultationId, AuditAction.TRANSCRIPT_VIEWED, false);
  }

  /** For the PDF file. */
  public Transcript download(Caller caller, long consultationId) {
    return read(caller, consultationId, AuditAction.TRANSCRIPT_DOWNLOADED, true);
  }

  /**
   * For the FHIR export: the record with everyone's account, for the same people as the transcript
   * and audited as an export of it.
   */
  public ConsultationRecord export(Caller caller, long consultationId) {
    Consultation consultation = permitted(caller, consultationId, AuditAction.TRANSCRIPT_EXPORTED);
    List<Handover> handovers =
        em.createNamedQuery(Handover.OF_CONSULTATION, Handover.class)
            .setParameter("consultation", consultation.id())
            .getResultList();
    List<StoredMessage> posts = posts(consultation);
    return ConsultationRecord.of(consultation, handovers, posts, checksums(posts));
  }

  /** Closed consultations a member of staff held, newest first, whose transcripts they may open. */
  public List<ConsultationSummary> recentlyClosed(Caller caller) {
    if (!caller.isStaff()) {
      return List.of();
    }
    return lists.closedHeldBy(caller.id(), RECENTLY_CLOSED).stream()
        .map(ConsultationSummary::of)
        .toList();
  }

  /**
   * Every consultation of a patient as the patient's own copy (no hand-over notes), for their data
   * export: for the patient, or an administrator on their behalf (audited as such). Each counts as
   * a download of its transcript.
   */
  public List<Transcript> ofPatient(Caller caller, long patientId) {
    boolean own = caller.id() == patientId;
    if (!own && !caller.isAdmin()) {
      throw Refused.notFound(NOT_YOURS);
    }
    return lists.ofPatient(patientId).stream()
        .map(
            consultation -> {
              auditLog.consultation(
                  caller, !own, AuditAction.TRANSCRIPT_DOWNLOADED, consultation.id());
              return transcript(consultation, false, true);
            })
        .toList();
  }

  private Transcript read(
      Caller caller, long consultationId, AuditAction action, boolean thumbnails) {
    return transcript(permitted(caller, consultationId, action), caller.isStaff(), thumbnails);
  }

  /**
   * The consultation, if the caller may read its transcript; the access is audited as {@code
   * action}.
   */
  private Consultation permitted(Caller caller, long consultationId, AuditAction action) {
    Consultation consultation = em.find(Consultation.class, consultationId);
    if (consultation == null) {
      throw Refused.notFound(NOT_YOURS);
    }
    boolean participant = tookPart(caller, consultation);
    if (!participant && !caller.isAdmin()) {
      throw Refused.notFound(NOT_YOURS);
    }
    auditLog.consultation(caller, !participant, action, consultationId);
    return consultation;
  }

  private boolean tookPart(Caller caller, Consultation consultation) {
    if (consultation.patient().id() == caller.id()) {
      return true;
    }
    if (!caller.isStaff()) {
      return false;
    }
    boolean holds = consultation.staff() != null && consultation.staff().id() == caller.id();
    return holds
        || em.createNamedQuery(Handover.COUNT_HELD_BY, Long.class)
                .setParameter("consultation", consultation.id())
                .setParameter("account", caller.id())
                .getSingleResult()
            > 0;
  }

  private Transcript transcript(
      Consultation consultation, boolean forStaff, boolean withThumbnails) {
    List<StoredMessage> posts = posts(consultation);
    Map<Long, String> checksums = checksums(posts);
    List<TranscriptMessage> messages =
        posts.stream().map(message -> TranscriptMessage.of(message, checksums)).toList();
    List<HandoverNote> handovers =
        forStaff
            ? em.createNamedQuery(Handover.OF_CONSULTATION, Handover.class)
                .setParameter("consultation", consultation.id())
                .getResultStream()
                .map(HandoverNote::of)
                .toList()
            : List.of();
    return new Transcript(
        consultation.id(),
        consultation.subject(),
        consultation.specialty() == null ? null : consultation.specialty().name(),
        ConsultationSummary.of(consultation).statusKey(),
        consultation.patient().displayName(),
        consultation.staff() == null ? null : consultation.staff().displayName(),
        consultation.requestedAt(),
        consultation.takenAt(),
        consultation.closedAt(),
        consultation.summary(),
        messages,
        handovers,
        withThumbnails
            ? attachments.thumbnails(
                messages.stream()
                    .filter(TranscriptMessage::picture)
                    .map(TranscriptMessage::fileId)
                    .toList())
            : Map.of());
  }

  /** What people wrote and sent, in order, without the entries that only record changes. */
  private List<StoredMessage> posts(Consultation consultation) {
    return stored.all(ConversationKind.CONSULTATION, consultation.conversationId()).stream()
        .filter(message -> message.kind() == MessageKind.TEXT || message.kind() == MessageKind.FILE)
        .toList();
  }

  private Map<Long, String> checksums(List<StoredMessage> posts) {
    return attachments.checksums(
        posts.stream().map(StoredMessage::file).filter(Objects::nonNull).map(FileRef::id).toList());
  }
}
