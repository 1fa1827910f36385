package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A patient on a phone writes that they cannot breathe: the notice with the emergency number shows
 * at once, and the specialist's queue flags the request with its own alert. Screenshots at phone
 * and desktop sizes.
 */
class EmergencyBrowserIT {

  private static final String PATIENT_PASSWORD = "a long enough password";
  private static final String STAFF_PASSWORD = "a personal password";

  @Test
  void aPatientOnAPhoneWritesAnEmergencyAndTheSpecialistSeesTheUrgentFlag() {
    WebClient patientAccount = WebClient.newPatient();
    WebClient staffAccount = WebClient.newStaff();
    long id = patientAccount.requestConsultation("Knee swollen after a fall");

    try (Browser patient = new Browser("patient-phone", 390, 844);
        Browser staff = new Browser("specialist-desktop", 1280, 800)) {
      patient.open("/login.xhtml");
      patient.find("#not-for-emergencies");
      patient.screenshot("emergency-01-login");
      patient.logIn(patientAccount.username, PATIENT_PASSWORD);
      patient.screenshot("emergency-02-ask");

      staff.logIn(staffAccount.username, STAFF_PASSWORD);
      staff.open("/staff/queue.xhtml");
      staff.waitForText("#connection", "Live");
      WebElement request = staff.find(".queue-item[data-consultation=\"" + id + "\"]");
      assertThat(request.getAttribute("class")).doesNotContain("urgent");

      patient.open("/consultation/chat.xhtml?id=" + id);
      patient.waitForText("#connection", "Live");
      assertThat(patient.find("#emergency-notice").isDisplayed()).isFalse();
      patient.type("#composer-input", "Now I can't breathe properly and my chest feels tight");
      patient.find("#composer-input").sendKeys(Keys.ENTER);

      WebElement notice = patient.waitUntil(d -> visible(d.findElement(By.id("emergency-notice"))));
      assertThat(notice.getText()).contains("call 112 now").contains("emergency department");
      assertThat(notice.findElement(By.cssSelector("a.emergency-call")).getAttribute("href"))
          .isEqualTo("tel:112");
      fitsTheWidth(patient, notice);
      patient.screenshot("emergency-03-patient-notice");

      WebElement toast =
          staff.waitUntil(d -> visible(d.findElement(By.cssSelector(".toast-urgent"))));
      assertThat(toast.getText()).contains("Urgent");
      staff.waitUntil(
          d ->
              d.findElement(By.cssSelector(".queue-item[data-consultation=\"" + id + "\"]"))
                      .getAttribute("class")
                      .contains("urgent")
                  ? true
                  : null);
      WebElement first = staff.find(".queue-item");
      assertThat(first.getAttribute("data-urgent")).isEqualTo("true");
      assertThat(
              staff.find(".queue-item[data-consultation=\"" + id + "\"] .badge-urgent").getText())
          .contains("Urgent");
      staff.screenshot("emergency-04-queue-urgent");

      staff.driver.manage().window().setSize(new Dimension(390, 844));
      staff.open("/staff/queue.xhtml");
      fitsTheWidth(staff, staff.find(".queue-item.urgent"));
      staff.screenshot("emergency-05-queue-urgent-phone");
      staff.driver.manage().window().setSize(new Dimension(1280, 800));

      staff.find(".queue-item[data-consultation=\"" + id + "\"] .take-button").click();
      WebElement banner = staff.waitUntil(d -> visible(d.findElement(By.id("urgent-banner"))));
      assertThat(banner.getText()).contains("may be an emergency");
      staff.screenshot("emergency-06-chat-urgent");

      patient.driver.manage().window().setSize(new Dimension(1280, 800));
      patient.open("/consultation/chat.xhtml?id=" + id);
      patient.waitUntil(d -> visible(d.findElement(By.id("emergency-notice"))));
      patient.screenshot("emergency-07-patient-notice-desktop");

      // Out of hours (a server started with a closed schedule) the ask page says when staff answer.
      patient.driver.manage().window().setSize(new Dimension(390, 844));
      patient.open("/patient/home.xhtml");
      assertThat(patient.find("#ask-emergency").getText())
          .contains("Not for emergencies")
          .contains("112");
      patient
          .driver
          .findElements(By.id("clinic-closed"))
          .forEach(closed -> assertThat(closed.getText()).contains("will answer").contains("112"));
      fitsTheWidth(patient, patient.find("#ask-emergency"));
      patient.screenshot("emergency-08-ask-phone");
    }
  }

  @Test
  void aPatientWhoseBrowserPollsSeesTheNoticeLiveToo() {
    TakenConsultation consultation = TakenConsultation.create("Dizzy since this morning");
    try (Browser patient = new Browser("emergency-polling", 390, 844)) {
      // A network that breaks sockets: the page chats over HTTP polling.
      patient.failSockets();
      patient.logIn(consultation.patient().username, PATIENT_PASSWORD);
      patient.open(consultation.chatPath());
      patient.waitForText("#connection", "polling");
      assertThat(patient.find("#emergency-notice").isDisplayed()).isFalse();

      patient.type("#composer-input", "Now I can't breathe properly and my chest feels tight");
      patient.find("#composer-input").sendKeys(Keys.ENTER);

      WebElement notice = patient.waitUntil(d -> visible(d.findElement(By.id("emergency-notice"))));
      assertThat(notice.getText()).contains("call 112 now");
      assertThat(patient.find("#connection").getText()).contains("polling");
      patient.screenshot("emergency-09-polling-notice");
    }
  }

  private static WebElement visible(WebElement element) {
    return element.isDisplayed() ? element : null;
  }

  /** Nothing of it sticks out to the side: no sideways scrolling on the phone. */
  private static void fitsTheWidth(Browser browser, WebElement element) {
    Number right =
        (Number)
            browser.driver.executeScript(
                "return arguments[0].getBoundingClientRect().right", element);
    Number width =
        (Number) browser.driver.executeScript("return document.documentElement.clientWidth");
    Number scroll =
        (Number) browser.driver.executeScript("return document.documentElement.scrollWidth");
    assertThat(right.doubleValue()).isLessThanOrEqualTo(width.doubleValue() + 0.5);
    assertThat(scroll.doubleValue()).isLessThanOrEqualTo(width.doubleValue() + 0.5);
  }
}
