package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ConsultationIT {

  @Test
  void aRequestWaitsInTheQueueUntilTakenThenMovesToTheTakersList() {
    WebClient patient = WebClient.newPatient();
    WebClient staff = WebClient.newStaff();
    String subject = WebClient.unique("Headache for three days");

    long consultation = patient.requestConsultation(subject);

    assertThat(staff.get("/staff/queue.xhtml").body()).contains(subject);
    HttpResponse<String> chat = staff.take(consultation);
    assertThat(chat.uri().toString()).endsWith("/consultation/chat.xhtml?id=" + consultation);
    assertThat(chat.body()).contains(subject, "Patient " + patient.username);
    assertThat(
            Database.count(
                "select count(*) from consultation where id = ? and status = 'ACTIVE'",
                consultation))
        .isEqualTo(1);
  }

  @Test
  void aConsultationTakenByOneCannotBeTakenByAnother() {
    WebClient patient = WebClient.newPatient();
    WebClient first = WebClient.newStaff();
    WebClient second = WebClient.newStaff();
    long consultation = patient.requestConsultation("Question about my prescription");
    String queuePage = second.get("/staff/queue.xhtml").body();
    first.take(consultation);

    assertThat(queuePage).contains("data-consultation=\"" + consultation + "\"");
    assertThat(second.get("/staff/queue.xhtml").body())
        .doesNotContain("data-consultation=\"" + consultation + "\"");
    assertThat(second.get("/consultation/chat.xhtml?id=" + consultation).statusCode())
        .isEqualTo(404);
  }

  @Test
  void aPatientOpeningAnotherPatientsConsultationByUrlIsDenied() {
    WebClient owner = WebClient.newPatient();
    WebClient other = WebClient.newPatient();
    long consultation = owner.requestConsultation("Private matter");

    HttpResponse<String> probe = other.get("/consultation/chat.xhtml?id=" + consultation);

    assertThat(probe.statusCode()).isEqualTo(404);
    assertThat(probe.body()).doesNotContain("Private matter").contains("not yours");
    assertThat(other.get("/consultation/chat.xhtml?id=999999999").statusCode()).isEqualTo(404);
    assertThat(other.get("/consultation/chat.xhtml?id=abc").statusCode()).isIn(400, 404);
  }

  @Test
  void aPatientSeesOnlyTheirOwnConsultationsAtHome() {
    WebClient owner = WebClient.newPatient();
    WebClient other = WebClient.newPatient();
    String subject = WebClient.unique("Only mine");
    owner.requestConsultation(subject);

    assertThat(owner.get("/patient/home.xhtml").body()).contains(subject);
    assertThat(other.get("/patient/home.xhtml").body()).doesNotContain(subject);
  }

  @Test
  void anEmptySubjectIsRefusedAndNothingIsCreated() {
    WebClient patient = WebClient.newPatient();
    long before = Database.count("select count(*) from consultation");

    HttpResponse<String> page =
        patient.submit("/patient/home.xhtml", "ask", java.util.Map.of("subject", " ? "), "submit");

    assertThat(page.body()).contains("at least 3 characters");
    assertThat(Database.count("select count(*) from consultation")).isEqualTo(before);
  }
}
