package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A patient without a network picks a photo and writes on: the photo waits in the browser, survives
 * a reload, and when the network returns is stored once, between the texts written around it. A
 * waiting file can be cancelled. Addresses in messages arrive as safe links.
 */
class OfflineFilesBrowserIT {

  @Test
  void aFileChosenOfflineSurvivesAReloadAndIsStoredOnceInItsPlace() throws Exception {
    TakenConsultation consultation = TakenConsultation.create("Rash spreading on my arm");
    long conversation = consultation.conversation();
    Path photo =
        Files.write(Files.createTempDirectory("consultchat-offline-").resolve("Rash.jpg"), photo());

    try (Browser patient = new Browser("offline-files-patient", 390, 844);
        Browser staff = new Browser("offline-files-staff", 1280, 860)) {
      patient.logIn(consultation.patient().username, "a long enough password");
      staff.logIn(consultation.staff().username, "a personal password");
      patient.open(consultation.chatPath());
      staff.open(consultation.chatPath());
      patient.waitForText("#connection", "Live");
      staff.waitForText("#connection", "Live");

      patient.offline(true);
      patient.waitForText("#connection", "Offline");
      send(patient, "Before the photo.");
      patient.find("#composer-file").sendKeys(photo.toString());
      send(patient, "After the photo, see www.example.org/rash-guide.");
      patient.waitUntil(d -> outbox(d).size() == 3 ? true : null);
      patient.waitForText(".msg.outbox.upload .msg-state", "Waiting to send");
      assertThat(patient.find(".msg.outbox.upload .msg-file-name").getText()).isEqualTo("Rash.jpg");
      assertThat(patient.find(".msg.outbox.upload .msg-file-size").getText()).endsWith("KB");
      String clientId = patient.find(".msg.outbox.upload").getDomAttribute("data-client-id");
      patient.screenshot("70-file-waiting-offline");

      patient.driver.navigate().refresh();
      patient.waitUntil(d -> outbox(d).size() == 3 ? true : null);
      assertThat(patient.find(".msg.outbox.upload").getDomAttribute("data-client-id"))
          .isEqualTo(clientId);
      assertThat(patient.find(".msg.outbox.upload .link-button").getText()).isEqualTo("Cancel");
      patient.screenshot("71-file-waiting-after-reload");
      assertThat(Database.messagesIn(conversation)).isZero();

      patient.offline(false);
      patient.waitForText("#connection", "Live");
      patient.waitUntil(d -> outbox(d).isEmpty() ? true : null);
      staff.waitUntil(d -> d.findElements(By.cssSelector(".msg[data-seq]")).size() == 3);
      staff.waitUntil(
          d ->
              d.findElements(By.cssSelector(".msg-file-preview")).stream()
                      .allMatch(OfflineFilesBrowserIT::loaded)
                  ? true
                  : null);
      patient.waitUntil(
          d -> loaded(d.findElement(By.cssSelector(".msg-file-preview"))) ? true : null);
      patient.screenshot("72-file-sent-back-online");
      staff.screenshot("72-file-received");

      for (Browser browser : List.of(patient, staff)) {
        List<WebElement> entries = browser.driver.findElements(By.cssSelector(".msg[data-seq]"));
        assertThat(entries.get(0).getText()).contains("Before the photo.");
        assertThat(entries.get(1).findElements(By.cssSelector(".msg-file-name")))
            .extracting(WebElement::getText)
            .containsExactly("Rash.jpg");
        assertThat(entries.get(2).getText()).contains("After the photo");
      }
      WebElement link = staff.find(".msg-link");
      assertThat(link.getText()).isEqualTo("www.example.org/rash-guide");
      assertThat(link.getDomAttribute("href")).isEqualTo("https://www.example.org/rash-guide");
      assertThat(link.getDomAttribute("rel")).isEqualTo("noopener noreferrer nofollow");
      assertThat(link.getDomAttribute("target")).isEqualTo("_blank");

      assertThat(
              Database.count(
                  "select count(*) from message where client_id = ?::uuid and kind = 'FILE'",
                  clientId))
          .isEqualTo(1);
      assertThat(
              Database.count(
                  "select count(*) from attachment where conversation_id = ?", conversation))
          .isEqualTo(1);
      assertThat(
              Database.count(
                  "select count(*) from message b, message f, message a"
                      + " where b.conversation_id = ? and f.conversation_id = b.conversation_id"
                      + " and a.conversation_id = b.conversation_id and b.body = 'Before the photo.'"
                      + " and f.kind = 'FILE' and a.body like 'After the photo%'"
                      + " and b.seq < f.seq and f.seq < a.seq",
                  conversation))
          .isEqualTo(1);

      // The preview seen is kept in the browser, and goes with everything else at logout.
      patient.waitUntil(d -> keptFiles(patient) > 0 ? true : null);
      patient.logOut();
      patient.waitUntil(d -> d.getCurrentUrl().contains("/login.xhtml") ? true : null);
      patient.find("body[data-wiped='true']");
      assertThat(
              patient.driver.executeAsyncScript(
                  "const done = arguments[arguments.length - 1];"
                      + "indexedDB.databases().then(dbs =>"
                      + " done(dbs.filter(d => d.name.startsWith('consultchat-')).length));"))
          .isEqualTo(0L);
    }
  }

  @Test
  void aWaitingFileCanBeCancelledAndIsNeverSent() throws Exception {
    TakenConsultation consultation = TakenConsultation.create("Lab results to discuss");
    long conversation = consultation.conversation();
    Path photo =
        Files.write(
            Files.createTempDirectory("consultchat-offline-").resolve("Wrong photo.jpg"), photo());

    try (Browser patient = new Browser("cancel-file-patient", 1280, 860);
        Browser staff = new Browser("cancel-file-staff", 1280, 860)) {
      patient.logIn(consultation.patient().username, "a long enough password");
      staff.logIn(consultation.staff().username, "a personal password");
      patient.open(consultation.chatPath());
      staff.open(consultation.chatPath());
      patient.waitForText("#connection", "Live");

      patient.offline(true);
      patient.waitForText("#connection", "Offline");
      patient.find("#composer-file").sendKeys(photo.toString());
      patient.waitForText(".msg.outbox.upload .msg-state", "Waiting to send");
      patient.screenshot("73-wrong-file-waiting");
      patient.click(".msg.outbox.upload .link-button");
      patient.waitUntil(d -> outbox(d).isEmpty() ? true : null);
      send(patient, "Sorry, wrong picture. Results: https://lab.example.com/r?id=7).");
      patient.driver.navigate().refresh();
      patient.waitUntil(d -> outbox(d).size() == 1 ? true : null);
      assertThat(patient.driver.findElements(By.cssSelector(".msg.upload"))).isEmpty();

      patient.offline(false);
      patient.waitForText("#connection", "Live");
      staff.waitForText("#chat-messages", "Sorry, wrong picture.");
      patient.waitUntil(d -> outbox(d).isEmpty() ? true : null);
      WebElement link = staff.find(".msg-link");
      assertThat(link.getDomAttribute("href")).isEqualTo("https://lab.example.com/r?id=7");
      staff.screenshot("74-after-cancel");

      assertThat(
              Database.count(
                  "select count(*) from attachment where conversation_id = ?", conversation))
          .isZero();
      assertThat(Database.messagesIn(conversation)).isEqualTo(1);
    }
  }

  private static void send(Browser browser, String text) {
    browser.type("#composer-input", text);
    browser.find("#composer-input").sendKeys(Keys.ENTER);
  }

  private static List<WebElement> outbox(org.openqa.selenium.WebDriver driver) {
    return driver.findElements(By.cssSelector(".msg.outbox"));
  }

  private static boolean loaded(WebElement image) {
    Object width = image.getDomProperty("naturalWidth");
    return width != null && Integer.parseInt(width.toString()) > 0;
  }

  /** How many seen files the page's account keeps in its browser database. */
  private static long keptFiles(Browser browser) {
    Object count =
        browser.driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "const open = indexedDB.open('consultchat-' + document.body.dataset.me);"
                + "open.onsuccess = () => { const count = open.result.transaction('files')"
                + " .objectStore('files').count();"
                + " count.onsuccess = () => { open.result.close(); done(count.result); }; };");
    return ((Number) count).longValue();
  }

  private static byte[] photo() throws IOException {
    BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        image.setRGB(x, y, x < 160 ? 0xD05050 : 0xF0C0A0);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", out);
    return out.toByteArray();
  }
}
