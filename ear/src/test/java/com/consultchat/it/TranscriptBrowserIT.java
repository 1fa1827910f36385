package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * A patient prints the transcript of a closed consultation; an administrator reads the audit log.
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
      patient.screenshot("20-transcript");

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

  private static void login(Browser browser, String username, String password) {
    browser.open("/login.xhtml");
    browser.type("#login\\:username", username);
    browser.type("#login\\:password", password);
    browser.click("#login\\:submit");
    browser.find(".topbar");
  }
}
