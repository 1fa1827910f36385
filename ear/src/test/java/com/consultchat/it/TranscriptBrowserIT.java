package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A patient prints the transcript of a closed consultation, with its PDF and FHIR downloads offered
 * on a laptop and a phone; an administrator reads the audit log.
 */
class TranscriptBrowserIT {

  @Test
  void aPatientOpensTheTranscriptFromHomeAndAnAdministratorSeesItInTheAuditLog() {
    ClosedConsultation consultation = ClosedConsultation.create();

    try (Browser patient = new Browser("patient", 1024, 900)) {
      login(patient, consultation.patient().username, "a long enough password");
      patient.find(".transcript-link[data-consultation='" + consultation.id() + "']");
      patient.screenshot("19-home-closed");
      patient.click(".transcript-link[data-consultation='" + consultation.id() + "']");
      patient.waitForText("#transcript-subject", consultation.subject());
      patient.waitForText("#transcript-messages", ClosedConsultation.PATIENT_MESSAGE);
      patient.waitForText("#transcript-summary", "Viral pharyngitis");
      // Times carry their date, in the reader's zone, not the raw instant the server wrote.
      patient.waitUntil(
          d ->
              d.findElements(By.cssSelector("#transcript time.local-time")).isEmpty()
                  ? true
                  : null);
      assertThat(patient.find("#download-pdf").getAttribute("href"))
          .contains("/api/transcripts/" + consultation.id() + ".pdf?zone=");
      assertThat(patient.find("#download-fhir").getAttribute("href"))
          .endsWith("/api/transcripts/" + consultation.id() + ".fhir.json");
      actionsFit(patient, 1024);
      patient.screenshot("20-transcript");

      // On a phone the three actions still sit side by side or wrap, never over each other.
      patient.driver.manage().window().setSize(new Dimension(390, 844));
      patient.driver.navigate().refresh();
      patient.waitForText("#transcript-subject", consultation.subject());
      actionsFit(patient, 390);
      patient.screenshot("20-transcript-phone");
      patient.driver.manage().window().setSize(new Dimension(1024, 900));

      // What the printer gets: no navigation, no buttons.
      patient.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
      assertThat(patient.driver.findElement(By.cssSelector(".topbar")).isDisplayed()).isFalse();
      assertThat(patient.driver.findElement(By.id("print")).isDisplayed()).isFalse();
      assertThat(patient.driver.findElement(By.id("transcript-summary")).isDisplayed()).isTrue();
      patient.screenshot("21-transcript-print");
    }

    try (Browser admin = new Browser("admin", 1280, 900)) {
      login(admin, "admin", TestServer.ADMIN_PASSWORD);
      admin.click("#nav-consultations");
      admin.click("#filter-closed");
      admin.find(".transcript-link[data-consultation='" + consultation.id() + "']");
      admin.screenshot("22-admin-consultations");
      admin.click(".transcript-link[data-consultation='" + consultation.id() + "']");
      admin.waitForText("#transcript-subject", consultation.subject());
      admin.click("#nav-audit");
      new Select(admin.find("#filter-object")).selectByValue("CONSULTATION");
      admin.type("#filter-id", String.valueOf(consultation.id()));
      admin.click("#filter-submit");
      admin.waitForText("#audit", "administrator access");
      admin.waitForText("#audit", consultation.patient().username);
      admin.screenshot("23-admin-audit");
    }
  }

  /** The download and print actions are shown, inside the window and clear of one another. */
  private static void actionsFit(Browser browser, int width) {
    List<Rectangle> boxes = new ArrayList<>();
    for (String id : List.of("download-pdf", "download-fhir", "print")) {
      WebElement action = browser.driver.findElement(By.id(id));
      assertThat(action.isDisplayed()).as(id).isTrue();
      Rectangle box = action.getRect();
      assertThat(box.getX()).as(id).isGreaterThanOrEqualTo(0);
      assertThat(box.getX() + box.getWidth()).as(id).isLessThanOrEqualTo(width);
      for (Rectangle other : boxes) {
        boolean apart =
            box.getX() >= other.getX() + other.getWidth()
                || other.getX() >= box.getX() + box.getWidth()
                || box.getY() >= other.getY() + other.getHeight()
                || other.getY() >= box.getY() + box.getHeight();
        assertThat(apart).as(id + " overlaps another action at " + width + " px").isTrue();
      }
      boxes.add(box);
    }
  }

  private static void login(Browser browser, String username, String password) {
    browser.open("/login.xhtml");
    browser.type("#login\\:username", username);
    browser.type("#login\\:password", password);
    browser.click("#login\\:submit");
    browser.find(".topbar");
  }
}
