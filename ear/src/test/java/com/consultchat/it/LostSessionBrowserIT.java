package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Messages written while the page could not send: over polling they are stored in the order
 * written, and a session lost meanwhile (a crash, a restart) is not a logout, so they wait for
 * their person to log in again and are then stored once each.
 */
class LostSessionBrowserIT {

  private static final List<String> WRITTEN_OFFLINE =
      List.of("One: the pain started on Monday.", "Two: worse in the morning.", "Three: no fever.");
  private static final String PATIENT_PASSWORD = "a long enough password";
  private static final String STAFF_PASSWORD = "a personal password";

  @Test
  void messagesWrittenOfflineOverPollingAreStoredInTheOrderWritten() {
    TakenConsultation consultation = TakenConsultation.create("Back pain after lifting");
    String chat = consultation.chatPath();

    try (Browser patient = new Browser("order-patient", 390, 844);
        Browser staff = new Browser("order-staff", 1280, 860)) {
      // A network that lets HTTP through but no socket: the page chats over polling.
      patient.failSockets();
      patient.logIn(consultation.patient().username, PATIENT_PASSWORD);
      staff.logIn(consultation.staff().username, STAFF_PASSWORD);
      patient.open(chat);
      staff.open(chat);
      patient.waitForText("#connection", "polling");
      staff.waitForText("#connection", "Live");

      patient.offline(true);
      patient.waitForText("#connection", "Offline");
      write(patient, WRITTEN_OFFLINE);
      patient.waitUntil(d -> outboxShown(d.findElements(By.cssSelector(".msg.outbox")), 3));
      patient.screenshot("01-written-offline-polling");

      patient.offline(false);
      patient.waitForText("#connection", "polling");
      staff.waitUntil(d -> bodies(staff).containsAll(WRITTEN_OFFLINE) ? true : null);
      patient.waitUntil(d -> d.findElements(By.cssSelector(".msg.outbox")).isEmpty() ? true : null);
      patient.screenshot("02-sent-in-order-polling");
      staff.screenshot("02-sent-in-order-polling");

      assertThat(Database.bodiesInOrder(consultation.conversation()))
          .containsExactlyElementsOf(WRITTEN_OFFLINE);
      assertThat(bodies(staff)).containsExactlyElementsOf(WRITTEN_OFFLINE);
      assertThat(bodies(patient)).containsExactlyElementsOf(WRITTEN_OFFLINE);
    }
  }

  @Test
  void aSessionLostOnAPhoneKeepsTheOutboxUntilItsPersonIsBack() {
    TakenConsultation consultation = TakenConsultation.create("Dizzy when standing up");
    String chat = consultation.chatPath();
    String username = consultation.patient().username;

    try (Browser patient = new Browser("lost-session-phone", 390, 844)) {
      patient.logIn(username, PATIENT_PASSWORD);
      patient.open(chat);
      patient.waitForText("#connection", "Live");
      String account = patient.find("body").getAttribute("data-me");

      loseSessionWhileWriting(patient);
      patient.screenshot("01-session-interrupted");
      assertThat(outboxInBrowser(patient, account)).isEqualTo(3L);
      assertThat(resumeMark(patient)).isEqualTo(account);
      assertThat(Database.messagesIn(consultation.conversation())).isZero();

      // Back as the same person: their home page finds the outbox and sends it.
      patient.logIn(username, PATIENT_PASSWORD);
      Await.until(
          "the kept messages to be stored",
          Duration.ofSeconds(15),
          () -> Database.messagesIn(consultation.conversation()) == 3);
      assertThat(resumeMark(patient)).isNull();
      patient.open(chat);
      patient.waitForText("#connection", "Live");
      patient.waitUntil(d -> bodies(patient).size() == 3 ? true : null);
      patient.screenshot("02-sent-after-logging-in-again");

      assertThat(bodies(patient)).containsExactlyElementsOf(WRITTEN_OFFLINE);
      assertThat(patient.driver.findElements(By.cssSelector(".msg.outbox"))).isEmpty();
      assertThat(Database.bodiesInOrder(consultation.conversation()))
          .containsExactlyElementsOf(WRITTEN_OFFLINE);
    }
  }

  @Test
  void aSessionLostOnADesktopIsWipedWhenSomeoneElseLogsIn() {
    TakenConsultation consultation = TakenConsultation.create("Headache behind the eyes");
    String chat = consultation.chatPath();

    try (Browser shared = new Browser("lost-session-desktop", 1280, 860)) {
      shared.logIn(consultation.patient().username, PATIENT_PASSWORD);
      shared.open(chat);
      shared.waitForText("#connection", "Live");
      String patientAccount = shared.find("body").getAttribute("data-me");

      loseSessionWhileWriting(shared);
      shared.screenshot("01-session-interrupted");
      assertThat(outboxInBrowser(shared, patientAccount)).isEqualTo(3L);

      // A plain visit to the login page keeps the marked outbox; someone else logging in does not.
      shared.open("/login.xhtml");
      shared.find("body[data-wiped='true']");
      assertThat(outboxInBrowser(shared, patientAccount)).isEqualTo(3L);
      shared.logIn(consultation.staff().username, STAFF_PASSWORD);
      shared.waitUntil(d -> databaseExists(shared, patientAccount) ? null : true);
      assertThat(resumeMark(shared)).isNull();
      shared.screenshot("02-someone-else-logged-in");
      assertThat(Database.messagesIn(consultation.conversation())).isZero();
    }
  }

  /**
   * Writes three messages offline, then loses the session (its cookie is gone, as after a crash
   * that kept no sessions) and comes back online: the page must go to the login page saying that
   * the messages are kept.
   */
  private static void loseSessionWhileWriting(Browser browser) {
    browser.offline(true);
    browser.waitForText("#connection", "Offline");
    write(browser, WRITTEN_OFFLINE);
    browser.waitUntil(d -> outboxShown(d.findElements(By.cssSelector(".msg.outbox")), 3));
    browser.driver.manage().deleteCookieNamed("JSESSIONID");
    browser.offline(false);
    browser.waitUntil(d -> d.getCurrentUrl().contains("/login.xhtml?resume=true") ? true : null);
    browser.waitForText("#resume-notice", "Your session was interrupted.");
    browser.find("body[data-wiped='true']");
  }

  private static Boolean outboxShown(List<WebElement> items, int count) {
    return items.size() == count ? true : null;
  }

  private static void write(Browser browser, List<String> texts) {
    for (String text : texts) {
      browser.type("#composer-input", text);
      browser.find("#composer-input").sendKeys(Keys.ENTER);
    }
  }

  /** The outbox items the browser keeps for an account, read from inside the page. */
  private static Object outboxInBrowser(Browser browser, String account) {
    return browser.driver.executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "const open = indexedDB.open('consultchat-' + arguments[0]);"
            + "open.onupgradeneeded = () => open.transaction.abort();"
            + "open.onerror = () => done(-1);"
            + "open.onsuccess = () => { const count = open.result.transaction('outbox')"
            + " .objectStore('outbox').count();"
            + " count.onsuccess = () => { open.result.close(); done(count.result); }; };",
        account);
  }

  private static boolean databaseExists(Browser browser, String account) {
    return (Boolean)
        browser.driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "indexedDB.databases().then(dbs =>"
                + " done(dbs.some(d => d.name === 'consultchat-' + arguments[0])));",
            account);
  }

  private static Object resumeMark(Browser browser) {
    return browser.driver.executeScript("return localStorage.getItem('consultchat-resume');");
  }

  private static List<String> bodies(Browser browser) {
    return browser.driver.findElements(By.cssSelector(".msg .msg-body")).stream()
        .map(WebElement::getText)
        .toList();
  }
}
