package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;

/**
 * Page forms sent without a network keep what was typed and say that they will work when the
 * network is back: the Ask form sends itself then, once; other forms wait to be sent again. Logout
 * leaves no draft behind.
 */
class OfflineFormsBrowserIT {

  @Test
  void anAskWrittenOfflineSurvivesAReloadAndIsSentOnceWhenTheNetworkIsBack() {
    WebClient account = WebClient.newPatient();
    String subject = WebClient.unique("Itchy eyes every morning");
    try (Browser patient = new Browser("offline-ask", 390, 844)) {
      patient.logIn(account.username, "a long enough password");
      patient.waitUntil(
          d -> patient.driver.executeScript("return !!navigator.serviceWorker.controller"));
      patient.open("/patient/home.xhtml");
      patient.find("#ask\\:subject");
      // Offline, a reload shows the last copy the service worker kept: wait until it has one.
      patient.waitUntil(
          d ->
              (Boolean)
                      ((JavascriptExecutor) d)
                          .executeAsyncScript(
                              "const done = arguments[arguments.length - 1];"
                                  + " caches.match(location.href).then(r => done(!!r), () => done(false));")
                  ? true
                  : null);

      // The browser as a whole, worker included: so the reload gets the worker's kept copy.
      patient.offlineWithWorker(true);
      patient.type("#ask\\:subject", subject);
      patient.click("#ask\\:submit");
      patient.waitForText("#ask .draft-notice", "will be sent by itself");
      assertThat(patient.driver.getCurrentUrl()).contains("/patient/home.xhtml");
      patient.screenshot("offline-form-01-ask-kept");
      assertThat(drafts(patient)).isEqualTo(1);

      patient.driver.navigate().refresh();
      try {
        patient.waitUntil(d -> subject.equals(value(patient, "ask:subject")) ? true : null);
      } catch (TimeoutException notRestored) {
        // Says whether the draft was gone or was there but not put back (seen once in CI).
        throw new AssertionError(
            "draft not restored after the offline reload; storage then: "
                + patient.driver.executeScript(
                    "return JSON.stringify({online: navigator.onLine,"
                        + " drafts: Object.keys(localStorage).filter(k => k.includes('draft')),"
                        + " session: Object.assign({}, sessionStorage)})"),
            notRestored);
      }
      patient.waitForText("#ask .draft-notice", "will be sent by itself");
      patient.screenshot("offline-form-02-reloaded");
      assertThat(asked(subject)).isZero();

      patient.offlineWithWorker(false);
      patient.waitUntil(d -> d.getCurrentUrl().contains("/consultation/chat.xhtml") ? true : null);
      patient.waitForText("#chat-subject", subject);
      patient.screenshot("offline-form-03-sent");
      assertThat(asked(subject)).isEqualTo(1);

      patient.open("/patient/home.xhtml");
      assertThat(value(patient, "ask:subject")).isEmpty();
      patient.type("#ask\\:subject", "Half-written question");
      patient.waitUntil(d -> drafts(patient) == 1 ? true : null);
      patient.logOut();
      patient.find("body[data-wiped='true']");
      assertThat(drafts(patient)).isZero();
    }
    assertThat(asked(subject)).isEqualTo(1);
  }

  @Test
  void aSummaryWrittenOfflineWaitsInItsDialogUntilItCanBeSent() {
    TakenConsultation consultation = TakenConsultation.create("Persistent dry cough");
    String summary = "Post-viral cough. Honey, fluids; back if it lasts past three weeks.";
    try (Browser staff = new Browser("offline-close", 1280, 800)) {
      staff.logIn(consultation.staff().username, "a personal password");
      staff.open(consultation.chatPath());
      staff.waitForText("#connection", "Live");

      staff.offline(true);
      staff.click("#open-close");
      staff.type("#close\\:summary", summary);
      staff.click("#close\\:submit");
      staff.waitForText("#close .draft-notice", "send it again when the network is back");
      staff.screenshot("offline-form-04-close-kept");

      staff.driver.navigate().refresh();
      staff.click("#open-close");
      staff.waitUntil(d -> summary.equals(value(staff, "close:summary")) ? true : null);
      assertThat(Database.status(consultation.id())).isEqualTo("ACTIVE");

      staff.offline(false);
      staff.click("#close\\:submit");
      staff.waitUntil(d -> "CLOSED".equals(Database.status(consultation.id())) ? true : null);
    }
  }

  @Test
  void aFormPostedWithoutAPageLoadLeavesNoDraftOnceSaved() {
    WebClient account = WebClient.newStaff();
    try (Browser staff = new Browser("draft-snippet", 1280, 800)) {
      staff.logIn(account.username, "a personal password");
      staff.open("/staff/snippets.xhtml");
      staff.click("#snippets\\:new");
      staff.waitUntil(d -> d.findElement(By.id("snippet:title")).isDisplayed());
      staff.type("#snippet\\:title", "Blood test");
      staff.type("#snippet\\:shortcut", "blood");
      staff.type("#snippet\\:body", "Please have a blood test at the lab this week.");
      staff.waitUntil(d -> drafts(staff) == 1 ? true : null);

      staff.click("#snippet\\:save");
      staff.waitForText("#snippets\\:list", "/blood");
      assertThat(drafts(staff)).isZero();
      staff.click("#snippets\\:new");
      staff.waitUntil(d -> d.findElement(By.id("snippet:title")).isDisplayed());
      assertThat(value(staff, "snippet:title")).isEmpty();
      assertThat(staff.driver.findElements(By.cssSelector("#snippet .draft-notice"))).isEmpty();
    }
  }

  private static String value(Browser browser, String id) {
    return browser.driver.findElement(By.id(id)).getAttribute("value");
  }

  private static long asked(String subject) {
    return Database.count("select count(*) from consultation where subject = ?", subject);
  }

  private static long drafts(Browser browser) {
    return (Long)
        browser.driver.executeScript(
            "return Object.keys(localStorage).filter(k => k.startsWith('consultchat-draft-')).length");
  }
}
