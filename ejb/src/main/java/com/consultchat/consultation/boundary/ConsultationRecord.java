package com.consultchat.consultation.boundary;

import com.consultchat.attachment.boundary.ClinicalKind;
import com.consultchat.consultation.entity.Consultation;
import com.consultchat.consultation.entity.Handover;
import com.consultchat.consultation.entity.Person;
import com.consultchat.messaging.boundary.FileRef;
import com.consultchat.messaging.boundary.StoredMessage;
import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A consultation as a medical record system takes it in (the FHIR export). Unlike {@link
 * Transcript} it names people by account, so each message says who sent it to whom, and files by
 * server id with their SHA-256. Every message is here in order: a deleted one keeps that it
 * existed, when and by whom, never its text. Hand-over notes stay out: they are staff's working
 * notes, not part of what the patient and the specialist exchanged.
 *
 * @param staffId who holds the consultation now, or closed it; null while nobody took it
 * @param staff everyone on the clinic's side who held it, wrote in it or verified one of its files
 */
public record ConsultationRecord(
    long id,
    String subject,
    String specialty,
    ConsultationStatus status,
    Instant requestedAt,
    Instant takenAt,
    Instant closedAt,
    String summary,
    Party patient,
    Long staffId,
    List<Party> staff,
    List<Entry> entries)
    implements Serializable {

  /** A person by account id and the name they go by. */
  public record Party(long id, String name) implements Serializable {}

  /**
   * One message. {@code recipientId}: the patient for staff's messages; for the patient's, the
   * specialist who held the consultation when it was written (or took it next), null if nobody ever
   * did. {@code body} and {@code file} are empty once deleted.
   */
  public record Entry(
      long seq,
      long senderId,
      Long recipientId,
      Instant sentAt,
      Instant editedAt,
      boolean deleted,
      String body,
      Document file)
      implements Serializable {}

  /** A file sent in a message, with its clinical kind and who verified it when (null if not). */
  public record Document(
      long id,
      String name,
      String type,
      long size,
      String sha256,
      String kind,
      Long verifiedById,
      Instant verifiedAt)
      implements Serializable {}

  /**
   * {@code posts}: the conversation's texts and files in order; {@code handovers}: oldest first.
   */
  static ConsultationRecord of(
      Consultation consultation,
      List<Handover> handovers,
      List<StoredMessage> posts,
      Map<Long, String> checksums) {
    long patientId = consultation.patient().id();
    Long holderId = consultation.staff() == null ? null : consultation.staff().id();
    HeldBy heldBy =
        new HeldBy(
            handovers.stream()
                .map(h -> new HeldBy.Change(h.createdAt(), h.fromStaff().id()))
                .toList(),
            holderId);
    Map<Long, String> staff = new LinkedHashMap<>();
    if (consultation.staff() != null) {
      add(staff, consultation.staff());
    }
    for (Handover handover : handovers) {
      add(staff, handover.fromStaff());
      if (handover.toStaff() != null) {
        add(staff, handover.toStaff());
      }
    }
    for (StoredMessage post : posts) {
      if (post.senderId() != patientId) {
        staff.putIfAbsent(post.senderId(), post.senderName());
      }
      FileRef file = post.deleted() ? null : post.file();
      if (file != null && file.verifiedById() != null && file.verifiedById() != patientId) {
        staff.putIfAbsent(file.verifiedById(), file.verifiedBy());
      }
    }
    List<Entry> entries =
        posts.stream()
            .map(
                post ->
                    entry(
                        post,
                        post.senderId() == patientId ? heldBy.at(post.sentAt()) : patientId,
                        checksums))
            .toList();
    return new ConsultationRecord(
        consultation.id(),
        consultation.subject(),
        consultation.specialty() == null ? null : consultation.specialty().name(),
        consultation.status(),
        consultation.requestedAt(),
        consultation.takenAt(),
        consultation.closedAt(),
        consultation.summary(),
        new Party(patientId, consultation.patient().displayName()),
        holderId,
        staff.entrySet().stream().map(e -> new Party(e.getKey(), e.getValue())).toList(),
        entries);
  }

  private static void add(Map<Long, String> staff, Person person) {
    staff.putIfAbsent(person.id(), person.displayName());
  }

  private static Entry entry(StoredMessage post, Long recipientId, Map<Long, String> checksums) {
    boolean deleted = post.deleted();
    FileRef file = deleted ? null : post.file();
    return new Entry(
        post.seq(),
        post.senderId(),
        recipientId,
        post.sentAt(),
        deleted ? null : post.editedAt(),
        deleted,
        deleted ? "" : post.body(),
        file == null
            ? null
            : new Document(
                file.id(),
                file.name(),
                file.type(),
                file.size(),
                checksums.get(file.id()),
                ClinicalKind.labelOf(file.kind()),
                file.verifiedById(),
                file.verifiedAt()));
  }
}
