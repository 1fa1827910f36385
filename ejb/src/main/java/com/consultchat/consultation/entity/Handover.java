package com.consultchat.consultation.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;

/** One hand-over of a consultation between specialists, with the note for the next one. */
@Entity
@NamedQuery(
    name = Handover.OF_CONSULTATION,
    query =
        "select h from Handover h join fetch h.fromStaff left join fetch h.toStaff"
            + " left join fetch h.toSpecialty"
            + " where h.consultation.id = :consultation order by h.createdAt")
@NamedQuery(
    name = Handover.COUNT_HELD_BY,
    query =
        "select count(h) from Handover h where h.consultation.id = :consultation"
            + " and (h.fromStaff.id = :account or h.toStaff.id = :account)")
public class Handover {

  public static final String OF_CONSULTATION = "Handover.ofConsultation";
  public static final String COUNT_HELD_BY = "Handover.countHeldBy";

  @Id
  @SequenceGenerator(name = "handover_seq", sequenceName = "handover_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "handover_seq")
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "consultation_id")
  private Consultation consultation;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "from_staff_id")
  private Person fromStaff;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "to_staff_id")
  private Person toStaff;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "to_specialty_id")
  private Specialty toSpecialty;

  private String note;

  @Column(name = "created_at")
  private Instant createdAt;

  protected Handover() {}

  /** To a person or, with {@code to} null, to the queue of a specialty. */
  Handover(
      Consultation consultation,
      Person from,
      Person to,
      Specialty toSpecialty,
      String note,
      Instant createdAt) {
    this.consultation = consultation;
    this.fromStaff = from;
    this.toStaff = to;
    this.toSpecialty = toSpecialty;
    this.note = note;
    this.createdAt = createdAt;
  }

  public Person fromStaff() {
    return fromStaff;
  }

  public Person toStaff() {
    return toStaff;
  }

  public Specialty toSpecialty() {
    return toSpecialty;
  }

  public String note() {
    return note;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
