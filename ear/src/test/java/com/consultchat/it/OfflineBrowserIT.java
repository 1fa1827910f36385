package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A patient loses the network, writes, reloads, and comes back: every message reaches the
 * specialist once and in order, and logging out leaves nothing in the browser.
 */
class OfflineBrowserIT {

  private static final List<String> WRITTEN_OFFLINE =
      List.of("First, written in the tunnel.", "Second, still no signal.", "Third, almost there.");

  @Test
  void messagesWrittenOfflineSurviveAReloadAndArriveOnceInOrder() {
    TakenConsultation consultation = TakenConsultation.create("Knee pain when climbing stairs");
    WebClient patientAccount = consultation.patient();
    WebClient staffAccount = consultation.staff();
    String chat = consultation.chatPath();

    try (Browser patient = new Browser("offline-patient", 390, 844);
        Browser staff = new Browser("offline-staff", 1280, 860)) {
      patient.logIn(patientAccount.username, "a long enough password");
      staff.logIn(staffAccount.username, "a personal password");
      patient.open(chat);
      staff.open(chat);
      patient.waitForText("#connection", "Live");
      staff.waitForText("#connection", "Live");

      patient.offline(true);
      patient.waitForText("#connection", "Offline");
      for (String text : WRITTEN_OFFLINE) {
        patient.type("#composer-input", text);
        patient.find("#composer-input").sendKeys(Keys.ENTER);
      }
      patient.waitUntil(
          d -> d.findElements(By.cssSelector(".msg.outbox")).size() == 3 ? true : null);
      patient.screenshot("01-written-offline");

      patient.driver.navigate().refresh();
      patient.waitUntil(
          d -> d.findElements(By.cssSelector(".msg.outbox")).size() == 3 ? true : null);
      patient.waitForText(".msg.outbox .msg-state", "Waiting to send");
      patient.screenshot("02-reloaded-offline");
      assertThat(bodies(staff)).doesNotContainAnyElementsOf(WRITTEN_OFFLINE);

      patient.offline(false);
      patient.waitForText("#connection", "Live");
      staff.waitUntil(d -> bodies(staff).containsAll(WRITTEN_OFFLINE) ? true : null);
      patient.waitUntil(d -> d.findElements(By.cssSelector(".msg.outbox")).isEmpty() ? true : null);
      patient.waitForText("#chat-messages", "Read");
      patient.screenshot("03-back-online");
      staff.screenshot("03-back-online");

      assertThat(bodies(staff)).containsExactlyElementsOf(WRITTEN_OFFLINE);
      assertThat(bodies(patient)).containsExactlyElementsOf(WRITTEN_OFFLINE);
      long conversation = consultation.conversation();
      assertThat(Database.messagesIn(conversation)).isEqualTo(3);

      patient.logOut();
      patient.waitUntil(d -> d.getCurrentUrl().contains("/login.xhtml") ? true : null);
      patient.find("body[data-wiped='true']");
      assertThat(storedInBrowser(patient)).isEqualTo(0L);
      patient.screenshot("04-logged-out");
    }
  }

  @Test
  void aBrowserWhoseSocketIsBlockedChatsOverPolling() {
    TakenConsultation consultation = TakenConsultation.create("Sore throat for a week");
    WebClient patientAccount = consultation.patient();
    WebClient staffAccount = consultation.staff();
    String chat = consultation.chatPath();

    try (Browser patient = new Browser("polling-patient", 390, 844);
        Browser staff = new Browser("polling-staff", 1280, 860)) {
      // A proxy on the patient's network lets HTTP through but fails every socket handshake.
      patient.failSockets();
      patient.logIn(patientAccount.username, "a long enough password");
      staff.logIn(staffAccount.username, "a personal password");
      patient.open(chat);
      staff.open(chat);
      patient.waitForText("#connection", "polling");
      staff.waitForText("#connection", "Live");

      patient.type("#composer-input", "Sent without a socket.");
      patient.find("#composer-input").sendKeys(Keys.ENTER);
      staff.waitForText("#chat-messages", "Sent without a socket.");
      staff.type("#composer-input", "Received. Any fever?");
      staff.find("#composer-input").sendKeys(Keys.ENTER);
      patient.waitForText("#chat-messages", "Any fever?");
      patient.waitForText(".msg.mine .msg-state", "Read");
      patient.screenshot("01-polling");

      assertThat(bodies(patient)).containsExactly("Sent without a socket.", "Received. Any fever?");
      assertThat(bodies(staff)).containsExactly("Sent without a socket.", "Received. Any fever?");
    }
  }

  @Test
  void oneTabSendsForAllTabsAndARefusedMessageWaitsForRetryOrCancel() {
    TakenConsultation consultation = TakenConsultation.create("Rash after new medication");
    WebClient patientAccount = consultation.patient();
    WebClient staffAccount = consultation.staff();
    long conversation = consultation.conversation();
    String chat = consultation.chatPath();

    try (Browser patient = new Browser("tabs-patient", 1000, 800);
        Browser staff = new Browser("tabs-staff", 1000, 800)) {
      patient.logIn(patientAccount.username, "a long enough password");
      staff.logIn(staffAccount.username, "a personal password");
      staff.open(chat);
      patient.open(chat);
      patient.waitForText("#connection", "Live");
      String firstTab = patient.driver.getWindowHandle();
      patient.driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
      patient.open(chat);
      patient.waitForText("#connection", "Live");

      // Written in the second tab; the first tab holds the outbox lock and sends it.
      patient.type("#composer-input", "Written in my second tab.");
      patient.find("#composer-input").sendKeys(Keys.ENTER);
      staff.waitForText("#chat-messages", "Written in my second tab.");
      patient.waitForText(".msg.mine .msg-state", "Read");
      patient.driver.switchTo().window(firstTab);
      patient.waitForText("#chat-messages", "Written in my second tab.");
      assertThat(bodies(patient)).containsExactly("Written in my second tab.");

      // An outbox item the server refuses for good: written before the clinic lowered the limit.
      patient.driver.executeAsyncScript(
          "const done = arguments[arguments.length - 1];"
              + "const open = indexedDB.open('consultchat-' + document.body.dataset.me);"
              + "open.onsuccess = () => { const tx = open.result.transaction('outbox', 'readwrite');"
              + " tx.objectStore('outbox').put({ clientId: crypto.randomUUID(), conversation: arguments[0],"
              + "  body: 'x'.repeat(4001), createdAt: Date.now(), state: 'pending' });"
              + " tx.oncomplete = () => { open.result.close(); done(); }; };",
          conversation);
      patient.driver.navigate().refresh();
      patient.waitForText(".msg.failed .msg-state", "Not sent");
      patient.screenshot("02-refused");
      patient.click(".msg.failed .link-button"); // Retry: refused again
      patient.waitForText(".msg.failed .msg-state", "Not sent");
      patient
          .driver
          .findElements(By.cssSelector(".msg.failed .link-button"))
          .get(1)
          .click(); // Cancel
      patient.waitUntil(d -> d.findElements(By.cssSelector(".msg.failed")).isEmpty() ? true : null);
      patient.driver.navigate().refresh();
      patient.waitForText("#connection", "Live");

      assertThat(patient.driver.findElements(By.cssSelector(".msg.outbox"))).isEmpty();
      assertThat(bodies(patient)).containsExactly("Written in my second tab.");
      assertThat(Database.messagesIn(conversation)).isEqualTo(1);
    }
  }

  /** Counts, from inside the page, the databases and caches ConsultChat left in the browser. */
  /** The person's stores and kept pages; the app's shell (login page, scripts) is nobody's data. */
  private static Object storedInBrowser(Browser browser) {
    return browser.driver.executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "Promise.all([indexedDB.databases(), caches.keys()]).then(([dbs, names]) =>"
            + " done(dbs.filter(d => d.name.startsWith('consultchat-')).length"
            + " + names.filter(n => n.startsWith('consultchat-pages')).length));");
  }

  private static List<String> bodies(Browser browser) {
    return browser.driver.findElements(By.cssSelector(".msg .msg-body")).stream()
        .map(WebElement::getText)
        .toList();
  }
}
