package com.consultchat.consultation.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consultchat.account.boundary.Role;
import com.consultchat.consultation.boundary.ConsultationStatus;
import com.consultchat.platform.boundary.Refused;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConsultationTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  private final Person patient = person(1, "pat", Role.PATIENT);
  private final Person otherPatient = person(2, "other", Role.PATIENT);
  private final Person doctor = person(3, "doc", Role.STAFF);
  private final Person secondDoctor = person(4, "doc2", Role.STAFF);

  @Test
  void aNewRequestWaitsInTheQueue() {
    Consultation consultation = new Consultation(patient, 10, "  Rash   on arm ", null, NOW);

    assertThat(consultation.status()).isEqualTo(ConsultationStatus.REQUESTED);
    assertThat(consultation.subject()).isEqualTo("Rash on arm");
    assertThat(consultation.staff()).isNull();
  }

  @Test
  void onlyPatientsAsk() {
    assertThatThrownBy(() -> new Consultation(doctor, 10, "Question", null, NOW))
        .isInstanceOf(Refused.class);
  }

  @Test
  void subjectsMustSaySomethingAndNotTooMuch() {
    assertThatThrownBy(() -> new Consultation(patient, 10, " ? ", null, NOW))
        .hasMessage("consultation.subject.too-short");
    assertThatThrownBy(() -> new Consultation(patient, 10, "x".repeat(201), null, NOW))
        .hasMessage("consultation.subject.too-long");
  }

  @Test
  void takingMakesItActiveWithTheTaker() {
    Consultation consultation = new Consultation(patient, 10, "Question", null, NOW);

    consultation.take(doctor, NOW.plusSeconds(60));

    assertThat(consultation.status()).isEqualTo(ConsultationStatus.ACTIVE);
    assertThat(consultation.staff()).isSameAs(doctor);
    assertThat(consultation.takenAt()).isEqualTo(NOW.plusSeconds(60));
  }

  @Test
  void aTakenConsultationCannotBeTakenAgain() {
    Consultation consultation = new Consultation(patient, 10, "Question", null, NOW);
    consultation.take(doctor, NOW);

    assertThatThrownBy(() -> consultation.take(secondDoctor, NOW))
        .isInstanceOf(Refused.class)
        .hasMessage("consultation.taken");
    assertThat(consultation.staff()).isSameAs(doctor);
  }

  @Test
  void patientsCannotTake() {
    Consultation consultation = new Consultation(patient, 10, "Question", null, NOW);

    assertThatThrownBy(() -> consultation.take(otherPatient, NOW)).isInstanceOf(Refused.class);
    assertThat(consultation.status()).isEqualTo(ConsultationStatus.REQUESTED);
  }

  @Test
  void onlyItsPatientItsSpecialistAndAdministratorsSeeIt() {
    Consultation consultation = new Consultation(patient, 10, "Question", null, NOW);
    consultation.take(doctor, NOW);

    assertThat(consultation.isVisibleTo(1, Role.PATIENT)).isTrue();
    assertThat(consultation.isVisibleTo(3, Role.STAFF)).isTrue();
    assertThat(consultation.isVisibleTo(99, Role.ADMIN)).isTrue();
    assertThat(consultation.isVisibleTo(2, Role.PATIENT)).isFalse();
    assertThat(consultation.isVisibleTo(4, Role.STAFF)).isFalse();
  }

  @Test
  void aTransferHandsItToTheColleagueWithTheNoteUntilTheyAccept() {
    Consultation consultation = taken();

    Handover handover =
        consultation.transfer(doctor, secondDoctor, " Please check the lab results ", NOW);

    assertThat(consultation.status()).isEqualTo(ConsultationStatus.TRANSFERRED);
    assertThat(consultation.staff()).isSameAs(secondDoctor);
    assertThat(handover.note()).isEqualTo("Please check the lab results");
    assertThat(handover.fromStaff()).isSameAs(doctor);
    assertThatThrownBy(() -> consultation.accept(doctor, NOW)).isInstanceOf(Refused.class);
    consultation.accept(secondDoctor, NOW.plusSeconds(5));
    assertThat(consultation.status()).isEqualTo(ConsultationStatus.ACTIVE);
  }

  @Test
  void onlyTheSpecialistInChargeTransfersOrClosesAndNeverToAPatientOrThemselves() {
    Consultation consultation = taken();

    assertThatThrownBy(() -> consultation.transfer(secondDoctor, doctor, "note", NOW))
        .hasMessage("consultation.not-in-charge.transfer");
    assertThatThrownBy(() -> consultation.transfer(doctor, otherPatient, "note", NOW))
        .hasMessage("consultation.transfer.inactive");
    assertThatThrownBy(() -> consultation.transfer(doctor, doctor, "note", NOW))
        .hasMessage("consultation.has-it");
    assertThatThrownBy(() -> consultation.transfer(doctor, secondDoctor, "  ", NOW))
        .hasMessage("consultation.note.missing");
    assertThatThrownBy(() -> consultation.close(patient, "done", NOW)).isInstanceOf(Refused.class);
    assertThat(consultation.status()).isEqualTo(ConsultationStatus.ACTIVE);
  }

  @Test
  void closingNeedsASummaryAndIsFinal() {
    Consultation consultation = taken();

    assertThatThrownBy(() -> consultation.close(doctor, " ", NOW))
        .hasMessage("consultation.summary.missing");
    consultation.close(doctor, "Contact dermatitis; use the cream twice a day.", NOW);

    assertThat(consultation.status()).isEqualTo(ConsultationStatus.CLOSED);
    assertThat(consultation.closedAt()).isEqualTo(NOW);
    assertThatThrownBy(() -> consultation.close(doctor, "again", NOW))
        .hasMessage("consultation.not-in-progress.closed");
    assertThatThrownBy(() -> consultation.transfer(doctor, secondDoctor, "n", NOW))
        .hasMessage("consultation.not-in-progress.closed");
    assertThatThrownBy(() -> consultation.take(secondDoctor, NOW)).isInstanceOf(Refused.class);
  }

  @Test
  void anErasureClosesAWaitingOrTakenConsultationOnceAndSaysWhy() {
    Consultation waiting = new Consultation(patient, 10, "Question", null, NOW);
    Consultation active = taken();
    Consultation closed = taken();
    closed.close(doctor, "Rest and fluids.", NOW);

    assertThat(waiting.closeForErasure(NOW.plusSeconds(5))).isTrue();
    assertThat(active.closeForErasure(NOW.plusSeconds(5))).isTrue();
    assertThat(closed.closeForErasure(NOW.plusSeconds(5))).isFalse();

    assertThat(waiting.status()).isEqualTo(ConsultationStatus.CLOSED);
    assertThat(waiting.isWaiting()).isFalse();
    assertThat(waiting.summary()).isEqualTo(Consultation.ERASED_SUMMARY);
    assertThat(active.staff()).isSameAs(doctor);
    assertThat(active.closedAt()).isEqualTo(NOW.plusSeconds(5));
    assertThat(closed.summary()).isEqualTo("Rest and fluids.");
    assertThat(closed.closedAt()).isEqualTo(NOW);
  }

  @Test
  void aFollowUpWithinTheWindowGoesStraightToTheSameSpecialist() {
    Consultation consultation = taken();
    consultation.close(doctor, "Summary", NOW);

    Consultation next =
        consultation.followUp(
            patient, 11, "Rash is back", NOW.plus(Duration.ofDays(14)), Duration.ofDays(14));

    assertThat(next.status()).isEqualTo(ConsultationStatus.TRANSFERRED);
    assertThat(next.staff()).isSameAs(doctor);
    assertThat(next.followUpOf()).isSameAs(consultation);
    assertThat(next.conversationId()).isEqualTo(11);
  }

  @Test
  void aFollowUpIsRefusedTooLateBeforeClosingOrForSomeoneElse() {
    Consultation consultation = taken();

    assertThatThrownBy(() -> consultation.followUp(patient, 11, "Again", NOW, Duration.ofDays(14)))
        .hasMessage("consultation.followup.open");
    consultation.close(doctor, "Summary", NOW);
    assertThatThrownBy(
            () ->
                consultation.followUp(
                    patient, 11, "Again", NOW.plus(Duration.ofDays(15)), Duration.ofDays(14)))
        .hasMessage("consultation.followup.too-late");
    assertThatThrownBy(
            () -> consultation.followUp(otherPatient, 11, "Again", NOW, Duration.ofDays(14)))
        .hasMessage("consultation.followup.patient-only");
  }

  @Test
  void aConsultationHandedToASpecialtyWaitsInItsQueueUntilSomeoneTakesIt() {
    Consultation consultation = taken();
    Specialty dermatology = new Specialty(" Dermatology ", NOW);

    Handover handover = consultation.transfer(doctor, dermatology, "Looks like eczema", NOW);

    assertThat(handover.toStaff()).isNull();
    assertThat(handover.toSpecialty()).isSameAs(dermatology);
    assertThat(consultation.isWaiting()).isTrue();
    assertThat(consultation.staff()).isNull();
    assertThat(consultation.specialty().name()).isEqualTo("Dermatology");
    assertThat(consultation.status()).isEqualTo(ConsultationStatus.TRANSFERRED);
    assertThatThrownBy(() -> consultation.close(doctor, "Done", NOW)).isInstanceOf(Refused.class);

    consultation.take(secondDoctor, NOW);
    assertThat(consultation.status()).isEqualTo(ConsultationStatus.ACTIVE);
    assertThat(consultation.staff()).isSameAs(secondDoctor);
  }

  @Test
  void onlyAdministratorsAssignAndOnlyWaitingRequestsToActiveStaff() {
    Person admin = person(9, "admin", Role.ADMIN);
    Consultation consultation = new Consultation(patient, 10, "Question", null, NOW);

    assertThatThrownBy(() -> consultation.assign(doctor, secondDoctor, NOW))
        .hasMessage("consultation.assign.admins-only");
    assertThatThrownBy(() -> consultation.assign(admin, otherPatient, NOW))
        .hasMessage("consultation.assign.inactive");
    Person departed = new Person(5, "gone", Role.STAFF, false);
    assertThatThrownBy(() -> consultation.assign(admin, departed, NOW))
        .hasMessage("consultation.assign.inactive");
    consultation.assign(admin, doctor, NOW);
    assertThat(consultation.staff()).isSameAs(doctor);
    assertThat(consultation.status()).isEqualTo(ConsultationStatus.ACTIVE);
    assertThatThrownBy(() -> consultation.assign(admin, secondDoctor, NOW))
        .hasMessage("consultation.taken");
  }

  @Test
  void outsideAScheduledWindowThePatientWritesOnlyIfAllowed() {
    Consultation consultation = taken();
    Instant start = NOW.plus(Duration.ofHours(1));
    Instant end = start.plus(Duration.ofMinutes(30));

    consultation.schedule(doctor, start, end, NOW);
    assertThat(consultation.appointment().patientWritesFrom()).isEqualTo(start);
    assertThat(consultation.appointment().patientWritesUntil()).isEqualTo(end);

    consultation.allowPatientReplies(doctor, true);
    assertThat(consultation.appointment().patientWritesFrom()).isNull();
    assertThat(consultation.appointment().patientWritesUntil()).isNull();

    consultation.allowPatientReplies(doctor, false);
    consultation.schedule(doctor, null, null, NOW);
    assertThat(consultation.appointment().patientWritesFrom()).isNull();

    assertThatThrownBy(() -> consultation.schedule(doctor, end, start, NOW))
        .hasMessage("appointment.ends-before-start");
    assertThatThrownBy(() -> consultation.schedule(doctor, start, null, NOW))
        .hasMessage("appointment.incomplete");
    assertThatThrownBy(
            () ->
                consultation.schedule(doctor, NOW.minusSeconds(7200), NOW.minusSeconds(3600), NOW))
        .hasMessage("appointment.past");
    assertThatThrownBy(() -> consultation.schedule(secondDoctor, start, end, NOW))
        .hasMessage("consultation.not-in-charge.schedule");
  }

  private Consultation taken() {
    Consultation consultation = new Consultation(patient, 10, "Question", null, NOW);
    consultation.take(doctor, NOW);
    return consultation;
  }

  static Person person(long id, String name, Role role) {
    return new Person(id, name, role, true);
  }
}
