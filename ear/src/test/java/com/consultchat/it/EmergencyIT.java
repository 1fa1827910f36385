package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Emergency escalation through the deployed application: phrasings a patient really writes flag the
 * consultation, tell the patient what to do and alert staff; the flag orders the queue and is
 * audited, with each member of staff's first sight of it.
 */
class EmergencyIT {

  private static final Duration FLAGGED = Duration.ofSeconds(10);

  private static long audited(String action, long consultation) {
    return Database.count(
        "select count(*) from audit_event where action = ? and target_type = 'CONSULTATION'"
            + " and target_id = ?",
        action,
        consultation);
  }

  @Test
  void aPatientsEmergencyTellsThePatientAtOnceAndAlertsEveryStaffMember() {
    WebClient patient = WebClient.newPatient();
    WebClient staff = WebClient.newStaff();
    long id = patient.requestConsultation("Question about my blood pressure tablets");
    long conversation = patient.conversationOf(id);
    try (SocketClient patientSocket = SocketClient.open(patient);
        SocketClient staffSocket = SocketClient.open(staff)) {
      patientSocket.send(
          conversation, "Since an hour I can\u2019t really BREATHE and my chest hurts!!");

      JsonObject notice = patientSocket.next("emergency");
      assertThat(notice.getJsonNumber("conversation").longValue()).isEqualTo(conversation);
      JsonObject alert = staffSocket.next("urgent");
      assertThat(alert.getJsonNumber("consultation").longValue()).isEqualTo(id);
      assertThat(alert.getBoolean("waiting")).isTrue();
      assertThat(alert.toString()).doesNotContain("BREATHE").doesNotContain("chest");
    }
    assertThat(
            Database.count(
                "select count(*) from consultation_urgency where consultation_id = ?", id))
        .isEqualTo(1);
    assertThat(audited("URGENT_FLAGGED", id)).isEqualTo(1);
    assertThat(patient.get("/consultation/chat.xhtml?id=" + id).body())
        .contains("id=\"emergency-notice\"")
        .contains("data-shown=\"true\"")
        .contains("href=\"tel:112\"");
    // Out of the queue again: later tests' new staff would otherwise see (and audit) it there.
    staff.take(id);
  }

  @Test
  void urgentRequestsComeFirstInTheQueueAndEachStaffMembersFirstSightIsAudited() {
    WebClient earlier = WebClient.newPatient();
    long calm = earlier.requestConsultation("Repeat prescription for my inhaler");
    WebClient patient = WebClient.newPatient();
    long urgent = patient.requestConsultation("Crushing chest pain since this morning");
    WebClient staff = WebClient.newStaff();

    assertThat(audited("URGENT_FLAGGED", urgent)).isEqualTo(1);
    String queue = staff.get("/staff/queue.xhtml").body();
    int urgentAt = queue.indexOf("data-consultation=\"" + urgent + "\"");
    int calmAt = queue.indexOf("data-consultation=\"" + calm + "\"");
    assertThat(urgentAt).isPositive();
    assertThat(calmAt).isGreaterThan(urgentAt);
    assertThat(queue.substring(urgentAt, calmAt)).contains("Urgent: possible emergency");

    staff.get("/staff/queue.xhtml");
    assertThat(
            Database.count(
                "select count(*) from audit_event where action = 'URGENT_SEEN' and target_id = ?"
                    + " and actor_username = ?",
                urgent,
                staff.username))
        .isEqualTo(1);
    assertThat(audited("URGENT_SEEN", calm)).isZero();

    staff.take(urgent);
    assertThat(staff.get("/consultation/chat.xhtml?id=" + urgent).body())
        .contains("id=\"urgent-banner\"")
        .contains("data-shown=\"true\"");
    assertThat(
            Database.count(
                "select count(*) from audit_event where action = 'URGENT_SEEN' and target_id = ?"
                    + " and detail = 'seen in the chat'",
                urgent))
        .isEqualTo(1);
  }

  @Test
  void everyPhrasingOfThePatientIsFlaggedButOrdinaryMessagesAndStaffQuestionsAreNot() {
    TakenConsultation taken = TakenConsultation.create("Follow-up on my medication");
    long question;
    long answer;
    List<String> phrasings =
        List.of(
            "I want to kill myself",
            "thinking about killing my self tonight",
            "Im having SUICIDAL thoughts",
            "I took too many of my pills, maybe an overdose",
            "her face is drooping and her speech is slurred",
            "the cut is bleeding very heavily and won't stop",
            "my dad passed out and is unresponsive",
            "can't breath properly");
    try (SocketClient patient = SocketClient.open(taken.patient());
        SocketClient staff = SocketClient.open(taken.staff())) {
      staff.send(taken.conversation(), "Have you had any chest pain or trouble breathing?");
      question = staff.next("ack").getJsonNumber("seq").longValue();
      patient.send(taken.conversation(), "No, only a rash on my arm.");
      answer = patient.next("ack").getJsonNumber("seq").longValue();
      for (String phrasing : phrasings) {
        patient.send(taken.conversation(), phrasing);
        patient.next("ack");
      }
      // Taken: the alert goes to the specialist holding it.
      assertThat(staff.next("urgent").getBoolean("waiting")).isFalse();
    }
    Await.until(
        "every emergency phrasing audited",
        FLAGGED,
        () -> audited("URGENT_FLAGGED", taken.id()) == phrasings.size());
    assertThat(
            Database.count(
                "select count(*) from audit_event where action = 'URGENT_FLAGGED' and target_id = ?"
                    + " and detail in (?, ?)",
                taken.id(),
                "message " + question,
                "message " + answer))
        .isZero();
  }

  @Test
  void administratorsEditThePhrasesAndOthersCannot() {
    WebClient admin = WebClient.admin();
    String phrase =
        "numb purple toes q" + java.util.UUID.randomUUID().toString().replaceAll("[^a-f]", "");
    HttpResponse<String> added =
        admin.submit(
            "/admin/phrases.xhtml", "phrase", Map.of("language", "en", "text", phrase), "submit");
    assertThat(added.body()).contains("Added").contains(phrase);

    TakenConsultation taken = TakenConsultation.create("Cold feet");
    try (SocketClient patient = SocketClient.open(taken.patient())) {
      patient.send(taken.conversation(), "My toes are " + phrase.toUpperCase() + "!");
      patient.next("emergency");
    }

    HttpResponse<String> again =
        admin.submit(
            "/admin/phrases.xhtml", "phrase", Map.of("language", "en", "text", phrase), "submit");
    assertThat(again.body()).contains("already on the list");
    assertThat(Database.count("select count(*) from emergency_phrase where phrase = ?", phrase))
        .isEqualTo(1);

    assertThat(taken.staff().get("/admin/phrases.xhtml").statusCode()).isEqualTo(403);
    HttpResponse<String> bad =
        admin.submit(
            "/admin/phrases.xhtml",
            "phrase",
            Map.of("language", "english!", "text", "x"),
            "submit");
    assertThat(bad.body()).contains("The language must be a code");
  }

  @Test
  void aPatientsEmergencyPostInARoomIsFlaggedToTheRoomsStaff() {
    JoinedRoom heart = JoinedRoom.create("Heart health", "Steady Robin");
    long room = heart.room();
    try (SocketClient patientSocket = SocketClient.open(heart.patient());
        SocketClient staffSocket = SocketClient.open(heart.staff())) {
      patientSocket.send(
          heart.conversation(),
          "Anyone else get chest pains like this? Pain in my chest right now");

      JsonObject notice = patientSocket.next("emergency");
      assertThat(notice.getJsonNumber("room").longValue()).isEqualTo(room);
      JsonObject alert = staffSocket.next("urgent");
      assertThat(alert.getJsonNumber("room").longValue()).isEqualTo(room);
      assertThat(alert.getJsonNumber("seq").longValue())
          .isEqualTo(notice.getJsonNumber("seq").longValue());
      assertThat(
              Database.count(
                  "select count(*) from message where conversation_id = ? and seq = ?"
                      + " and body like 'Anyone else get chest pains%'",
                  heart.conversation(), alert.getJsonNumber("seq").longValue()))
          .isEqualTo(1);
    }
    assertThat(
            Database.count(
                "select count(*) from audit_event where action = 'URGENT_FLAGGED'"
                    + " and target_type = 'ROOM' and target_id = ?",
                room))
        .isEqualTo(1);
  }

  @Test
  void anEmergencyPostHeldForReviewIsFlaggedAtOnceNotWhenAModeratorGetsToIt() {
    WebClient staff = WebClient.newStaff();
    WebClient patient = WebClient.newPatient();
    long room = Rooms.create(staff, "Reviewed heart health", true, true);
    Rooms.join(patient, room, "Quiet Wren");
    long conversation = Rooms.conversation(patient, room);
    try (SocketClient patientSocket = SocketClient.open(patient);
        SocketClient staffSocket = SocketClient.open(staff)) {
      patientSocket.send(conversation, "I took all my pills an hour ago");

      assertThat(patientSocket.next("emergency").getJsonNumber("room").longValue()).isEqualTo(room);
      JsonObject alert = staffSocket.next("urgent");
      assertThat(alert.getJsonNumber("room").longValue()).isEqualTo(room);
      assertThat(alert.getJsonNumber("seq").longValue()).isZero();
    }
    assertThat(Database.messagesIn(conversation)).isZero();
    assertThat(
            Database.count(
                "select count(*) from audit_event where action = 'URGENT_FLAGGED'"
                    + " and target_type = 'ROOM' and target_id = ? and detail = 'post held for review'",
                room))
        .isEqualTo(1);
    assertThat(WebClient.admin().get("/admin/audit.xhtml?actor=" + patient.username).body())
        .contains("URGENT_FLAGGED")
        .contains("Room " + room);
  }

  @Test
  void patientsAreToldHowLongRequestsUsuallyWait() {
    WebClient staff = WebClient.newStaff();
    for (int i = 0; i < 3; i++) {
      WebClient asking = WebClient.newPatient();
      staff.take(asking.requestConsultation("Question " + i + " about my prescription"));
    }
    WebClient patient = WebClient.newPatient();
    assertThat(patient.get("/patient/home.xhtml").body())
        .contains("Requests are usually taken within about");
    long id = patient.requestConsultation("How long do I wait?");
    assertThat(patient.get("/consultation/chat.xhtml?id=" + id).body())
        .contains("id=\"wait-estimate\"")
        .contains("Requests are usually taken within about");
    staff.take(id);
  }

  @Test
  void loginAndSignUpSayTheChatIsNotForEmergenciesAndLinkThePrivacyNotice() {
    WebClient visitor = new WebClient("visitor");
    for (String page : List.of("/login.xhtml", "/signup.xhtml")) {
      assertThat(visitor.get(page).body())
          .contains("Not for emergencies")
          .contains("href=\"tel:112\"")
          .contains("/privacy.xhtml");
    }
    HttpResponse<String> privacy = visitor.get("/privacy.xhtml");
    assertThat(privacy.statusCode()).isEqualTo(200);
    assertThat(privacy.body()).contains("Privacy notice").contains("Checked for emergencies");
  }
}
