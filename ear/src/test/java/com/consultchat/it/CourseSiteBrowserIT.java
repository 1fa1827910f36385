package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * An online-course site: the administrator turns on its words, a student asks a teacher a question
 * and they talk, and the main pages, in English and in German, never speak of patients,
 * specialists, consultations or the clinic. The switch is turned back afterwards.
 */
class CourseSiteBrowserIT {

  private static final String SWITCH = "consultchat.course.site";
  private static final Pattern CLINIC_WORDS =
      Pattern.compile(
          "\\b(patients?|specialists?|specialt(?:y|ies)|consultations?|clinics?|Patient\\w*|Fachperson\\w*|Fachgebiet\\w*"
              + "|Beratung\\w*|Praxis\\w*|Klinik\\w*)\\b",
          Pattern.CASE_INSENSITIVE);

  private static WebClient admin;

  @BeforeAll
  static void turnOn() {
    admin = WebClient.admin();
    AdminSettings.change(admin, SWITCH, "switch", "true");
  }

  @AfterAll
  static void turnOff() {
    AdminSettings.reset(admin, SWITCH);
  }

  @Test
  void aStudentAsksATeacherAndNoPageSpeaksOfAClinicOnAPhone() {
    askAndAnswer("en-GB", "phone", 390, 844);
  }

  @Test
  void aStudentAsksATeacherAndNoPageSpeaksOfAClinicInGermanOnADesktop() {
    askAndAnswer("de-DE", "desktop-de", 1280, 800);
  }

  private static void askAndAnswer(String language, String label, int width, int height) {
    WebClient student = new WebClient(WebClient.unique("student"));
    student.signUp(student.username, "Robin Learner", WebClient.PATIENT_PASSWORD);
    WebClient teacher = WebClient.newStaffCalled(TestServer.BASE_URL, "Ada Lovelace");
    List<String> clinical = new ArrayList<>();
    try (Browser asking = Browser.speaking(language, "course-student-" + label, width, height);
        Browser answering = Browser.speaking(language, "course-teacher-" + label, width, height)) {
      asking.logIn(student.username, WebClient.PATIENT_PASSWORD);
      look(asking, "course-01-student-home", clinical);
      asking.type("#ask\\:subject", "How does photosynthesis store energy?");
      asking.click("#ask\\:submit");
      asking.waitForText("#chat-subject", "photosynthesis");
      long question = Long.parseLong(asking.find("#chat").getAttribute("data-consultation"));
      look(asking, "course-02-student-question", clinical);

      answering.logIn(teacher.username, "a personal password");
      answering.open("/staff/queue.xhtml");
      answering.find(".queue-item[data-consultation='" + question + "']");
      look(answering, "course-03-teacher-queue", clinical);
      teacher.take(question);
      answering.open("/consultation/chat.xhtml?id=" + question);
      answering.type(
          "#composer-input", "In the chemical bonds of glucose. Shall we go through it?");
      answering.click("#composer-send");
      asking.waitForText(".msg.theirs", "glucose");
      look(asking, "course-04-student-answered", clinical);
      look(answering, "course-05-teacher-chat", clinical);
      asking.open("/rooms/index.xhtml");
      look(asking, "course-06-student-rooms", clinical);
    }
    assertThat(clinical).as("clinic words on a course site").isEmpty();
  }

  private static void look(Browser browser, String shot, List<String> clinical) {
    browser.screenshot(shot);
    String text = browser.driver.findElement(By.tagName("body")).getText();
    Matcher word = CLINIC_WORDS.matcher(text);
    while (word.find()) {
      int from = Math.max(0, word.start() - 30);
      clinical.add(shot + ": …" + text.substring(from, Math.min(text.length(), word.end() + 30)));
    }
  }
}
