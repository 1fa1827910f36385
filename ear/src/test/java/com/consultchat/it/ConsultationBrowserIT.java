package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A patient on a phone and two specialists at their desks, in three browsers, through a whole
 * consultation: request, take, chat with typing and read ticks, an edit, transfer, close, the
 * follow-up.
 */
class ConsultationBrowserIT {

  private static final String STAFF_PASSWORD = "a personal password";

  @Test
  void aPatientAndTwoSpecialistsGoThroughAConsultation() {
    WebClient firstAccount = WebClient.newStaff();
    WebClient secondAccount = WebClient.newStaff();
    String patientName = WebClient.unique("anna");
    String subject = "Red itchy rash on my forearm";

    try (Browser patient = new Browser("patient", 390, 844);
        Browser first = new Browser("first-specialist", 1280, 860);
        Browser second = new Browser("second-specialist", 1280, 860)) {
      patient.open("/login.xhtml");
      patient.screenshot("consultation-01-login");
      patient.click("#signup-link");
      patient.type("#signup\\:username", patientName);
      patient.type("#signup\\:displayName", "Anna Berg");
      patient.type("#signup\\:password", "my rash is itchy today");
      patient.type("#signup\\:confirmation", "my rash is itchy today");
      patient.screenshot("consultation-02-signup");
      patient.click("#signup\\:submit");
      patient.find("#ask\\:subject");
      patient.screenshot("consultation-03-home");

      // The administrator adds a specialty and gives it to the first specialist.
      String specialty = "Dermatology " + WebClient.unique("").substring(1);
      second.open("/login.xhtml");
      second.type("#login\\:username", "admin");
      second.type("#login\\:password", TestServer.ADMIN_PASSWORD);
      second.click("#login\\:submit");
      second.type("#specialty\\:name", specialty);
      second.click("#specialty\\:submit");
      second.waitForText("#specialties", specialty);
      WebElement row =
          second
              .find("#accounts")
              .findElement(
                  By.xpath(
                      ".//tr[td[contains(normalize-space(), '" + firstAccount.username + "')]]"));
      row.findElement(By.cssSelector(".practise-select")).click();
      second
          .waitUntil(
              d ->
                  d
                      .findElements(
                          By.xpath(
                              "//div[contains(@class,'ui-selectcheckboxmenu-panel')]//li[label[text()='"
                                  + specialty
                                  + "']]//div[contains(@class,'ui-chkbox-box')]"))
                      .stream()
                      .filter(WebElement::isDisplayed)
                      .findFirst()
                      .orElse(null))
          .click();
      second.screenshot("consultation-04-admin-specialties");
      // Escape closes the menu with the choice kept; then the row's Save.
      second.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
      WebElement save =
          second
              .find("#accounts")
              .findElement(
                  By.xpath(
                      ".//tr[td[contains(normalize-space(), '"
                          + firstAccount.username
                          + "')]]//button[contains(@id, 'save')]"));
      second.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", save);
      save.click();
      second.waitForText("#messages", "Specialties saved.");
      second.logOut();

      logIn(first, firstAccount);
      logIn(second, secondAccount);
      first.screenshot("consultation-04-queue-empty");

      patient.driver.navigate().refresh();
      new Select(patient.find("#ask\\:specialty")).selectByVisibleText(specialty);
      patient.type("#ask\\:subject", subject);
      patient.click("#ask\\:submit");
      patient.waitForText("#chat-subject", subject);
      patient.waitForText("#connection", "Live");
      patient.screenshot("consultation-05-waiting");
      String consultation = patient.find("#chat").getAttribute("data-consultation");

      // The request appears in the queue without a reload, with a toast; no patient name yet.
      first.find(".queue-item[data-consultation='" + consultation + "']");
      first.waitForText(".toast", "New request");
      assertThat(first.find(".queue-item[data-consultation='" + consultation + "']").getText())
          .contains(subject, specialty)
          .doesNotContain("Anna Berg");
      first.screenshot("consultation-06-queue-live");
      first.click(".queue-item[data-consultation='" + consultation + "'] .take-button");
      first.waitForText("#chat-subject", subject);

      patient.waitForText("#chat-status", "In progress");
      patient.waitForText("#chat-counterpart", "Dr. " + firstAccount.username);
      first.waitForText("#chat-presence", "online");
      patient.waitForText("#chat-presence", "online");

      // Typing shows on the other side before the message arrives.
      patient.find("#composer-input").sendKeys("It started on Monday");
      first.waitForText("#chat-typing", "Anna Berg is typing");
      first.screenshot("consultation-07-typing");
      patient.find("#composer-input").sendKeys(" and it itches at nigt.", Keys.ENTER);
      first.waitForText("#chat-messages", "itches at nigt");
      first.waitUntil(d -> d.findElement(By.id("chat-typing")).getText().isEmpty() ? true : null);
      // A screen reader hears the other side's message, politely, from a hidden live region.
      assertThat(announced(first))
          .isEqualTo("New message from Anna Berg: It started on Monday and it itches at nigt.");

      first.type("#composer-input", "Have you changed soap or detergent recently?");
      first.click("#composer-send");
      patient.waitForText("#chat-messages", "changed soap or detergent");
      // The patient hears the reply, never their own message; the specialist hears nothing new.
      assertThat(announced(patient))
          .startsWith("New message from ")
          .endsWith(": Have you changed soap or detergent recently?");
      assertThat(announced(first)).contains("itches at nigt");
      // The specialist has the conversation open, so the patient sees it read.
      patient.waitForText(".msg.mine .msg-state", "Read");

      // The patient corrects the typo; the specialist sees the new text, marked edited.
      WebElement mine = patient.find(".msg.mine[data-seq]");
      patient.driver.executeScript(
          "arguments[0].click()", mine.findElement(By.xpath(".//button[text()='Edit']")));
      patient.waitUntil(
          d -> d.findElement(By.id("composer-input")).getAttribute("value").contains("nigt"));
      patient.type("#composer-input", "It started on Monday and it itches at night.");
      patient.find("#composer-input").sendKeys(Keys.ENTER);
      first.waitForText("#chat-messages", "itches at night.");
      first.waitForText(".msg.theirs .msg-note", "edited");
      patient.screenshot("consultation-08-chat");
      first.screenshot("consultation-08-chat");

      patient.driver.navigate().refresh();
      first.driver.navigate().refresh();
      patient.waitForText("#chat-messages", "changed soap or detergent");
      first.waitForText("#chat-messages", "changed soap or detergent");
      assertThat(bodies(patient))
          .containsExactly(
              "It started on Monday and it itches at night.",
              "Have you changed soap or detergent recently?");
      assertThat(bodies(first)).isEqualTo(bodies(patient));

      // By keyboard the dialog takes the focus, keeps it while tabbing round and gives it back on
      // Escape; open, it has no serious accessibility problem either.
      WebElement opener = first.find("#open-transfer");
      opener.sendKeys(Keys.ENTER);
      first.waitUntil(d -> focusInDialog(first) ? true : null);
      assertThat(Accessibility.violations(first)).isEmpty();
      for (int i = 0; i < 8; i++) {
        first.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        assertThat(focusInDialog(first)).as("focus after %d tabs", i + 1).isTrue();
      }
      first.driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
      first.waitUntil(d -> opener.equals(d.switchTo().activeElement()) ? true : null);

      // The first specialist hands over; the second sees it arrive and takes it on.
      first.click("#open-transfer");
      new Select(first.find("#transfer\\:target"))
          .selectByVisibleText("Dr. " + secondAccount.username);
      first.type("#transfer\\:note", "Suspect contact dermatitis; please review the photos.");
      first.screenshot("consultation-09-transfer");
      first.click("#transfer\\:submit");
      first.find("#queue");
      patient.waitForText("#chat-status", "Handed over");
      second.click(".card-link[data-consultation='" + consultation + "']");
      second.waitForText("#handovers", "please review the photos");
      second.screenshot("consultation-10-handover");
      second.click("#accept\\:submit");
      patient.waitForText("#chat-status", "In progress");
      patient.waitForText("#chat-counterpart", "Dr. " + secondAccount.username);

      second.type(
          "#composer-input", "I have read the notes. Please switch back to your old detergent.");
      second.click("#composer-send");
      patient.waitForText("#chat-messages", "old detergent");

      // An appointment for tomorrow: the patient reads now and writes then.
      second.click("#open-schedule");
      second.driver.executeScript(
          "const [start, end] = document.querySelectorAll('.local-datetime');"
              + "const at = new Date(Date.now() + 86400000);"
              + "const local = (d) => new Date(d - d.getTimezoneOffset() * 60000)"
              + ".toISOString().slice(0, 16);"
              + "start.value = local(at); end.value = local(new Date(at.getTime() + 1800000));");
      second.screenshot("consultation-11-appointment");
      second.click("#schedule\\:submit");
      patient.waitForText("#chat-window", "Appointment:");
      patient.waitUntil(d -> d.findElement(By.id("composer-input")).isEnabled() ? null : true);
      patient.screenshot("consultation-11-appointment");
      second.click("#open-close");
      second.type(
          "#close\\:summary",
          "Contact dermatitis from a new detergent. Switch back; cream twice daily.");
      second.screenshot("consultation-12-close");
      second.click("#close\\:submit");
      patient.waitForText("#summary-text", "Contact dermatitis");
      patient.screenshot("consultation-13-closed");
      assertThat(patient.driver.findElements(By.id("handovers"))).isEmpty();
      assertThat(patient.driver.findElements(By.id("composer"))).isEmpty();

      // The patient keeps the transcript: a printable page and a PDF, each access audited.
      patient.click("#transcript-link");
      patient.waitForText("#transcript-summary", "Contact dermatitis");
      patient.waitForText("#transcript-messages", "itches at night.");
      patient.screenshot("consultation-13-transcript");
      String pdf =
          (String)
              patient.driver.executeAsyncScript(
                  "const done = arguments[arguments.length - 1];"
                      + "fetch(document.getElementById('download-pdf').href)"
                      + ".then(async (r) => done(r.headers.get('Content-Type') + ' '"
                      + " + new TextDecoder().decode((await r.arrayBuffer()).slice(0, 5))))"
                      + ".catch((e) => done('failed ' + e));");
      assertThat(pdf).isEqualTo("application/pdf %PDF-");
      assertThat(
              Database.count(
                  "select count(*) from audit_event where target_type = 'CONSULTATION'"
                      + " and action like 'TRANSCRIPT_%' and target_id = ? and actor_username = ?",
                  Long.parseLong(consultation), patientName))
          .isEqualTo(2);
      patient.open("/consultation/chat.xhtml?id=" + consultation);

      // A follow-up goes straight to the specialist who closed it.
      patient.click("#open-followup");
      patient.type("#followup\\:subject", "The rash came back on the other arm");
      patient.click("#followup\\:submit");
      patient.waitForText("#chat-subject", "came back on the other arm");
      patient.waitForText("#chat-counterpart", "Dr. " + secondAccount.username);
      patient.screenshot("consultation-14-follow-up");
      second.open("/staff/queue.xhtml");
      second.waitForText("#queue\\:mine", "came back on the other arm");
      second.screenshot("consultation-15-follow-up-arrived");
    }
  }

  private static boolean focusInDialog(Browser browser) {
    return (Boolean)
        browser.driver.executeScript(
            "return document.activeElement.closest('.ui-dialog:not([aria-hidden=true])') !== null");
  }

  /** What the chat's live region says once it has said something. */
  private static String announced(Browser browser) {
    return browser.waitUntil(
        d -> {
          String text = d.findElement(By.id("chat-announcer")).getDomProperty("textContent");
          return text == null || text.isEmpty() ? null : text;
        });
  }

  private static void logIn(Browser browser, WebClient account) {
    browser.open("/login.xhtml");
    browser.type("#login\\:username", account.username);
    browser.type("#login\\:password", STAFF_PASSWORD);
    browser.click("#login\\:submit");
    browser.waitForText("#connection", "Live");
  }

  private static List<String> bodies(Browser browser) {
    return browser.driver.findElements(By.cssSelector(".msg .msg-body")).stream()
        .map(WebElement::getText)
        .toList();
  }
}
