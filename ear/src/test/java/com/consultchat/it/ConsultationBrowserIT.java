package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** A patient on a phone and a specialist at a desk go through one consultation in two browsers. */
class ConsultationBrowserIT {

  @Test
  void aPatientAndASpecialistChatLiveAndKeepTheHistory() {
    WebClient staffAccount = WebClient.newStaff();
    WebClient colleagueAccount = WebClient.newStaff();
    String patientName = WebClient.unique("anna");
    String subject = "Red itchy rash on my forearm";

    try (Browser patient = new Browser("patient", 390, 844);
        Browser staff = new Browser("staff", 1280, 860)) {
      patient.open("/login.xhtml");
      patient.screenshot("01-login");
      patient.click("#signup-link");
      patient.type("#signup\\:username", patientName);
      patient.type("#signup\\:displayName", "Anna Berg");
      patient.type("#signup\\:password", "my rash is itchy today");
      patient.type("#signup\\:confirmation", "my rash is itchy today");
      patient.screenshot("02-signup");
      patient.click("#signup\\:submit");
      patient.find("#ask\\:subject");
      patient.screenshot("03-home");

      staff.open("/login.xhtml");
      staff.type("#login\\:username", staffAccount.username);
      staff.type("#login\\:password", "a personal password");
      staff.click("#login\\:submit");
      staff.waitForText("#connection", "Live");
      staff.screenshot("04-queue-empty");

      patient.type("#ask\\:subject", subject);
      patient.click("#ask\\:submit");
      patient.waitForText("#chat-subject", subject);
      patient.waitForText("#connection", "Live");
      patient.screenshot("05-waiting");
      String consultation = patient.find("#chat").getAttribute("data-consultation");

      // The request appears in the staff queue without a reload.
      staff.find(".queue-item[data-consultation='" + consultation + "']");
      staff.waitUntil(
          d ->
              d.findElement(By.id("waiting-count"))
                      .getText()
                      .equals(String.valueOf(d.findElements(By.cssSelector(".queue-item")).size()))
                  ? true
                  : null);
      staff.screenshot("06-queue-live");
      staff.click(".queue-item[data-consultation='" + consultation + "'] button");
      staff.waitForText("#chat-subject", subject);

      patient.waitForText("#chat-status", "In progress");
      patient.waitForText("#chat-counterpart", "Dr. " + staffAccount.username);

      patient.type("#composer-input", "It started on Monday and it itches at night.");
      patient.find("#composer-input").sendKeys(Keys.ENTER);
      staff.waitForText("#chat-messages", "It started on Monday");
      staff.type("#composer-input", "Have you changed soap or detergent recently?");
      staff.click("#composer-send");
      patient.waitForText("#chat-messages", "changed soap or detergent");
      // The specialist has the conversation open, so the patient sees it read.
      patient.waitForText(".msg.mine .msg-state", "Read");
      patient.screenshot("07-chat");
      staff.screenshot("07-chat");

      patient.driver.navigate().refresh();
      staff.driver.navigate().refresh();
      patient.waitForText("#chat-messages", "changed soap or detergent");
      staff.waitForText("#chat-messages", "changed soap or detergent");
      patient.screenshot("08-after-reload");
      staff.screenshot("08-after-reload");

      assertThat(bodies(patient))
          .containsExactly(
              "It started on Monday and it itches at night.",
              "Have you changed soap or detergent recently?");
      assertThat(bodies(staff)).isEqualTo(bodies(patient));
      assertThat(patient.driver.findElements(By.cssSelector(".msg.mine"))).hasSize(1);
      assertThat(staff.driver.findElements(By.cssSelector(".msg.mine"))).hasSize(1);

      // The specialist hands the consultation to a colleague, who accepts and closes it.
      staff.click("#open-transfer");
      new Select(staff.find("#transfer\\:target"))
          .selectByVisibleText("Dr. " + colleagueAccount.username);
      staff.type("#transfer\\:note", "Suspect contact dermatitis; please review the photos.");
      staff.screenshot("09-transfer");
      staff.click("#transfer\\:submit");
      staff.find("#queue");
      patient.waitForText("#chat-status", "Handed over");
      staff.click("#session\\:logout");
      staff.type("#login\\:username", colleagueAccount.username);
      staff.type("#login\\:password", "a personal password");
      staff.click("#login\\:submit");
      staff.click(".card-link[data-consultation='" + consultation + "']");
      staff.waitForText("#handovers", "please review the photos");
      staff.click("#accept\\:submit");
      patient.waitForText("#chat-status", "In progress");
      staff.click("#open-close");
      staff.type(
          "#close\\:summary",
          "Contact dermatitis from a new detergent. Switch back; cream twice daily.");
      staff.screenshot("10-close");
      staff.click("#close\\:submit");
      patient.waitForText("#summary-text", "Contact dermatitis");
      patient.screenshot("11-closed");
      staff.screenshot("11-closed");
      assertThat(patient.driver.findElements(By.id("handovers"))).isEmpty();
      assertThat(patient.driver.findElements(By.id("composer"))).isEmpty();
    }
  }

  private static List<String> bodies(Browser browser) {
    return browser.driver.findElements(By.cssSelector(".msg .msg-body")).stream()
        .map(WebElement::getText)
        .toList();
  }
}
