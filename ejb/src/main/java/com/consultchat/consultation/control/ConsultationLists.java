package com.consultchat.consultation.control;

import com.consultchat.consultation.boundary.ConsultationStatus;
import com.consultchat.consultation.entity.Consultation;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * The lists of consultations the pages show: the queue, a person's own, the closed ones a
 * specialist held, the register. Each fetches what its page names, so a list costs one query. Who
 * may see which list is the boundaries' decision.
 */
@Dependent
public class ConsultationLists {

  private static final String STATUS = "com.consultchat.consultation.boundary.ConsultationStatus.";

  @Inject EntityManager em;

  /** Requests nobody is in charge of, oldest first. */
  public List<Consultation> waiting() {
    return em.createQuery(
            "select c from Consultation c join fetch c.patient"
                + " left join fetch c.specialty where c.staff is null"
                + " and c.status <> "
                + STATUS
                + "CLOSED order by c.requestedAt",
            Consultation.class)
        .getResultList();
  }

  /** A patient's own, newest first. */
  public List<Consultation> ofPatient(long accountId) {
    return em.createQuery(
            "select c from Consultation c left join fetch c.staff left join fetch c.specialty"
                + " where c.patient.id = :account order by c.requestedAt desc",
            Consultation.class)
        .setParameter("account", accountId)
        .getResultList();
  }

  /** The open ones a member of staff holds, newest first. */
  public List<Consultation> heldBy(long accountId) {
    return em.createQuery(
            "select c from Consultation c join fetch c.patient left join fetch c.specialty"
                + " where c.staff.id = :account and c.status in ("
                + STATUS
                + "ACTIVE, "
                + STATUS
                + "TRANSFERRED) order by c.requestedAt desc",
            Consultation.class)
        .setParameter("account", accountId)
        .getResultList();
  }

  /** Closed ones a member of staff held at the end or before a hand-over, newest first. */
  public List<Consultation> closedHeldBy(long accountId, int max) {
    return em.createQuery(
            "select c from Consultation c join fetch c.patient left join fetch c.specialty"
                + " where c.status = "
                + STATUS
                + "CLOSED and (c.staff.id = :account or exists (select h from Handover h"
                + " where h.consultation = c"
                + " and (h.fromStaff.id = :account or h.toStaff.id = :account)))"
                + " order by c.outcome.closedAt desc",
            Consultation.class)
        .setParameter("account", accountId)
        .setMaxResults(max)
        .getResultList();
  }

  /** Every consultation, or those of one status, newest first, a page at a time. */
  public List<Consultation> all(ConsultationStatus status, int first, int max) {
    return em.createQuery(
            "select c from Consultation c join fetch c.patient left join fetch c.staff"
                + " left join fetch c.specialty where (:status is null or c.status = :status)"
                + " order by c.requestedAt desc, c.id desc",
            Consultation.class)
        .setParameter("status", status)
        .setFirstResult(first)
        .setMaxResults(max)
        .getResultList();
  }

  public long count(ConsultationStatus status) {
    return em.createQuery(
            "select count(c) from Consultation c where (:status is null or c.status = :status)",
            Long.class)
        .setParameter("status", status)
        .getSingleResult();
  }
}
