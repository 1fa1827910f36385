package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Specialties, the queue staff see, administrators' assignments, hand-over to a specialty,
 * appointments.
 */
class WorkspaceIT {

  @Test
  void theQueueShowsSubjectAndSpecialtyButNotWhoAsksUntilTaken() {
    String specialty = createSpecialty("Dermatology");
    WebClient patient = WebClient.newPatient();
    WebClient staff = WebClient.newStaff();

    long id = ask(patient, "Mole changed colour", specialtyId(patient, specialty));

    String queue = staff.get("/staff/queue.xhtml").body();
    assertThat(queue).contains("Mole changed colour", specialty);
    assertThat(queue).doesNotContain(patient.username);
    staff.take(id);
    assertThat(staff.get("/staff/queue.xhtml").body())
        .contains("Patient " + patient.username, specialty);
  }

  @Test
  void staffSeeTheirSpecialtiesFirstAndAdministratorsAssign() {
    String cardiology = createSpecialty("Cardiology");
    String endocrinology = createSpecialty("Endocrinology");
    WebClient patient = WebClient.newPatient();
    WebClient staff = WebClient.newStaff();
    practise(staff, cardiology);

    long heart = ask(patient, "Palpitations at night", specialtyId(patient, cardiology));
    long sugar = ask(patient, "Thirsty all the time", specialtyId(patient, endocrinology));
    long general = ask(patient, "General question", null);

    String queue = staff.get("/staff/queue.xhtml").body();
    assertThat(queue).contains("Palpitations at night", "General question");
    assertThat(queue).doesNotContain("Thirsty all the time");

    WebClient admin = WebClient.admin();
    HttpResponse<String> adminQueue = admin.get("/staff/queue.xhtml");
    Matcher row =
        Pattern.compile(
                "data-consultation=\""
                    + sugar
                    + "\".*?name=\"(queue:waiting-list:\\d+):assign-to\"",
                Pattern.DOTALL)
            .matcher(adminQueue.body());
    assertThat(row.find()).as("assign control for the request").isTrue();
    String staffId = optionValue(adminQueue.body(), "Dr\\. " + staff.username + "[^<]*");
    HttpResponse<String> assigned =
        admin.postForm(
            adminQueue,
            "queue",
            Map.of(row.group(1) + ":assign-to", staffId, row.group(1) + ":assign", ""));
    assertThat(assigned.body()).contains("Assigned to Dr. " + staff.username);

    assertThat(Database.status(sugar)).isEqualTo("ACTIVE");
    assertThat(
            Database.count(
                "select count(*) from consultation c join account a on a.id = c.staff_id"
                    + " where c.id = ? and a.username = ?",
                sugar,
                staff.username))
        .isEqualTo(1);
    // Staff have no assign control; the queue page offers them none and nothing changes.
    assertThat(staff.get("/staff/queue.xhtml").body()).doesNotContain(":assign-to");
    assertThat(Database.status(heart)).isEqualTo("REQUESTED");
    assertThat(Database.status(general)).isEqualTo("REQUESTED");
  }

  @Test
  void aConsultationHandedToASpecialtyWaitsThereWithItsNote() {
    String specialty = createSpecialty("Neurology");
    TakenConsultation consultation = TakenConsultation.create("Migraine with aura");
    WebClient next = WebClient.newStaff();

    String target =
        optionValue(
            consultation.staff().get(consultation.chatPath()).body(), "Queue: " + specialty);
    consultation
        .staff()
        .submit(
            consultation.chatPath(),
            "transfer",
            Map.of("target", target, "note", "Needs a neurologist to look at it."),
            "submit");

    assertThat(Database.status(consultation.id())).isEqualTo("TRANSFERRED");
    assertThat(consultation.staff().get(consultation.chatPath()).statusCode()).isEqualTo(404);
    String queue = next.get("/staff/queue.xhtml").body();
    assertThat(queue).contains("Migraine with aura", specialty, "Handed over");

    next.take(consultation.id());
    assertThat(Database.status(consultation.id())).isEqualTo("ACTIVE");
    assertThat(next.get(consultation.chatPath()).body())
        .contains("Needs a neurologist to look at it.", "the " + specialty + " queue");
    assertThat(consultation.patient().get(consultation.chatPath()).body())
        .doesNotContain("neurologist");
  }

  @Test
  void outsideTheAppointmentThePatientReadsAndWritesOnlyWhenAllowed() {
    TakenConsultation consultation = TakenConsultation.create("Scheduled follow-up talk");
    LocalDateTime start = LocalDateTime.now(java.time.ZoneOffset.UTC).plusDays(1);
    DateTimeFormatter local = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    try (SocketClient patient = SocketClient.open(consultation.patient());
        SocketClient staff = SocketClient.open(consultation.staff())) {
      consultation
          .staff()
          .submit(
              consultation.chatPath(),
              "schedule",
              Map.of(
                  "start", start.format(local),
                  "end", start.plusMinutes(30).format(local),
                  "zone", "UTC"),
              "submit");
      JsonObject changed = patient.next("consultation").getJsonObject("consultation");
      assertThat(changed.getString("windowStart")).startsWith(start.toLocalDate().toString());

      patient.send(consultation.conversation(), "Can I ask now?");
      assertThat(patient.next("error").getString("message")).contains("cannot write");
      staff.send(consultation.conversation(), "See you tomorrow.");
      assertThat(staff.next("ack").getJsonNumber("seq").longValue()).isEqualTo(1);

      consultation.staff().submit(consultation.chatPath(), "replies", Map.of(), "allow");
      patient.next("consultation");
      patient.send(consultation.conversation(), "Thank you!");
      assertThat(patient.next("ack").getJsonNumber("seq").longValue()).isEqualTo(2);
    }
    assertThat(Database.messagesIn(consultation.conversation())).isEqualTo(2);

    HttpResponse<String> backwards =
        consultation
            .staff()
            .submit(
                consultation.chatPath(),
                "schedule",
                Map.of(
                    "start", start.plusHours(2).format(local),
                    "end", start.format(local),
                    "zone", "UTC"),
                "submit");
    assertThat(backwards.body()).contains("has to end after it starts");
  }

  @Test
  void probesWithOtherPeoplesOrUnknownIdsAreRefusedAndChangeNothing() {
    createSpecialty("Rheumatology");
    TakenConsultation consultation = TakenConsultation.create("Probe target");
    WebClient stranger = WebClient.newPatient();
    WebClient otherStaff = WebClient.newStaff();
    long patientId;
    try (SocketClient patient = SocketClient.open(consultation.patient())) {
      patientId = patient.me;
    }

    // Form fields: hand over to a patient's id, or to a specialty that does not exist.
    HttpResponse<String> toPatient =
        consultation
            .staff()
            .submit(
                consultation.chatPath(),
                "transfer",
                Map.of("target", "staff:" + patientId, "note", "Forged"),
                "submit");
    HttpResponse<String> toNowhere =
        consultation
            .staff()
            .submit(
                consultation.chatPath(),
                "transfer",
                Map.of("target", "specialty:987654321", "note", "Forged"),
                "submit");
    assertThat(toPatient.body())
        .contains("Hand over to: please choose one of the options offered.");
    assertThat(toNowhere.body())
        .contains("Hand over to: please choose one of the options offered.");
    assertThat(Database.status(consultation.id())).isEqualTo("ACTIVE");
    assertThat(
            Database.count(
                "select count(*) from handover where consultation_id = ?", consultation.id()))
        .isZero();

    // A specialty id nobody offered, in the patient's own request form.
    long before =
        Database.count(
            "select count(*) from consultation c join account a on a.id = c.patient_id"
                + " where a.username = ?",
            stranger.username);
    HttpResponse<String> unknownSpecialty =
        stranger.submit(
            "/patient/home.xhtml",
            "ask",
            Map.of("subject", "Forged specialty", "specialty", "987654321"),
            "submit");
    assertThat(unknownSpecialty.body())
        .contains("Specialty: please choose one of the options offered.");
    assertThat(
            Database.count(
                "select count(*) from consultation c join account a on a.id = c.patient_id"
                    + " where a.username = ?",
                stranger.username))
        .isEqualTo(before);

    // URLs and frames: someone else's consultation is not there for them.
    assertThat(otherStaff.get(consultation.chatPath()).statusCode()).isEqualTo(404);
    try (SocketClient outsider = SocketClient.open(stranger)) {
      outsider.sendFrame(
          Map.of(
              "type", "presence", "conversation", consultation.conversation(), "state", "online"));
      assertThat(outsider.next("error").getString("code")).isEqualTo("forbidden");
      outsider.sync(consultation.conversation(), 0);
      assertThat(outsider.next("error").getString("code")).isEqualTo("forbidden");
    }
  }

  private static String createSpecialty(String base) {
    String name = base + " " + WebClient.unique("").substring(1);
    WebClient.admin().submit("/admin/accounts.xhtml", "specialty", Map.of("name", name), "submit");
    return name;
  }

  /** Ticks the specialty for the member of staff in the administrators' account table. */
  private static void practise(WebClient staff, String specialty) {
    WebClient admin = WebClient.admin();
    HttpResponse<String> page = admin.get("/admin/accounts.xhtml");
    Matcher row =
        Pattern.compile(
                Pattern.quote(staff.username) + "<.*?<form id=\"(accounts:\\d+:practise)\"",
                Pattern.DOTALL)
            .matcher(page.body());
    assertThat(row.find()).as("specialty form of " + staff.username).isTrue();
    String form = row.group(1);
    String value = optionValue(admin.get("/staff/queue.xhtml").body(), Pattern.quote(specialty));
    admin.postForm(page, form, Map.of(form + ":chosen", value, form + ":save", ""));
  }

  private static long ask(WebClient patient, String subject, String specialtyId) {
    HttpResponse<String> chat =
        patient.submit(
            "/patient/home.xhtml",
            "ask",
            specialtyId == null
                ? Map.of("subject", subject)
                : Map.of("subject", subject, "specialty", specialtyId),
            "submit");
    return Long.parseLong(chat.uri().getQuery().replaceAll(".*id=(\\d+).*", "$1"));
  }

  private static String specialtyId(WebClient patient, String specialty) {
    return optionValue(patient.get("/patient/home.xhtml").body(), Pattern.quote(specialty));
  }

  private static String optionValue(String page, String labelPattern) {
    Matcher option =
        Pattern.compile("<option value=\"([^\"]+)\"[^>]*>" + labelPattern + "</option>")
            .matcher(page);
    assertThat(option.find()).as("option " + labelPattern).isTrue();
    return option.group(1);
  }
}
