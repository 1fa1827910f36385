package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * A specialist keeps snippets and inserts them with a click and with a slash shortcut; both people
 * pick emoji from the picker, the patient on a phone.
 */
class ComposerBrowserIT {

  private static final String GREETING =
      "Hello, I am looking after your question today. How long have you had the symptoms?";
  private static final String PHOTO =
      "Could you send a photo of the area in daylight? <b>No</b> filters, please.";

  @Test
  void aSpecialistInsertsSnippetsAndEmojiAndThePatientSeesThem() {
    WebClient staffAccount = WebClient.newStaff();
    WebClient patientAccount = WebClient.newPatient();
    long consultation = patientAccount.requestConsultation("Itchy rash since the weekend");

    try (Browser staff = new Browser("staff", 1280, 860);
        Browser patient = new Browser("patient", 390, 844)) {
      staff.open("/login.xhtml");
      staff.type("#login\\:username", staffAccount.username);
      staff.type("#login\\:password", "a personal password");
      staff.click("#login\\:submit");
      staff.find("#queue");
      staff.click(".topnav a[href$='/staff/snippets.xhtml']");
      staff.waitForText("#snippets\\:list", "No snippets yet");
      createSnippet(staff, "Greeting", "hello", GREETING);
      createSnippet(staff, "Photo request", "photo", PHOTO);
      staff.waitForText("#snippets\\:list", "/photo");
      // A refusal keeps the dialog open with the reason; editing fills it with the snippet.
      openDialog(staff, "#snippets\\:new");
      staff.type("#snippet\\:title", "Another greeting");
      staff.type("#snippet\\:shortcut", "Hello");
      staff.type("#snippet\\:body", "Hi!");
      staff.click("#snippet\\:save");
      staff.waitForText("#snippet\\:problems", "already have a snippet with the shortcut /hello");
      staff.screenshot("20-snippet-refused");
      staff.find("#snippet\\:title").sendKeys(Keys.ESCAPE);
      staff.waitUntil(d -> !d.findElement(By.id("snippet:title")).isDisplayed());
      staff.click("#snippets button[data-shortcut='photo']");
      staff.waitUntil(
          d -> "Photo request".equals(d.findElement(By.id("snippet:title")).getAttribute("value")));
      assertThat(staff.find("#snippet\\:delete").isDisplayed()).isTrue();
      staff.find("#snippet\\:title").sendKeys(Keys.ESCAPE);
      staff.waitUntil(d -> !d.findElement(By.id("snippet:title")).isDisplayed());
      staff.screenshot("21-snippets");
      staff.driver.manage().window().setSize(new Dimension(390, 844));
      staff.screenshot("21-snippets-phone");
      staff.driver.manage().window().setSize(new Dimension(1280, 860));

      staff.open("/staff/queue.xhtml");
      staff.click(".queue-item[data-consultation='" + consultation + "'] button");
      staff.waitForText("#connection", "Live");

      // By click: the menu filters as one types, and the chosen text lands in the composer.
      staff.click("#composer-snippets");
      staff.find("#snippet-search").sendKeys("greet");
      staff.waitUntil(
          d -> d.findElements(By.cssSelector("#snippet-menu .snippet-option")).size() == 1);
      staff.screenshot("22-snippet-menu");
      staff.click("#snippet-menu .snippet-option[data-shortcut='hello']");
      assertThat(staff.find("#snippet-menu").isDisplayed()).isFalse();
      assertThat(composer(staff)).isEqualTo(GREETING);
      staff.click("#composer-send");
      staff.waitUntil(d -> composer(staff).isEmpty());

      // By shortcut: "/" offers the snippets; Tab puts the text in place of the word.
      WebElement input = staff.find("#composer-input");
      input.sendKeys("/ph");
      staff.waitUntil(d -> d.findElement(By.id("snippet-suggest")).isDisplayed());
      assertThat(staff.find("#snippet-suggest").getText()).contains("Photo request", "/photo");
      staff.screenshot("23-snippet-suggestions");
      input.sendKeys(Keys.TAB);
      assertThat(composer(staff)).isEqualTo(PHOTO);
      input.sendKeys(Keys.ENTER);
      staff.waitUntil(d -> composer(staff).isEmpty());

      // The exact shortcut works with Tab even after the suggestions were waved away.
      input.sendKeys("/hello", Keys.ESCAPE);
      assertThat(staff.find("#snippet-suggest").isDisplayed()).isFalse();
      input.sendKeys(Keys.TAB);
      assertThat(composer(staff)).isEqualTo(GREETING);
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);

      // An emoji from the picker: keyboard to open and move, outside click and Escape close it.
      input.sendKeys("Thank you ");
      staff.click("#composer-emoji");
      staff.find("#emoji-picker .emoji-cell");
      staff.screenshot("24-emoji-picker");
      staff.click("#emoji-tab-gestures");
      staff.click("#emoji-grid-gestures .emoji-cell[data-emoji='👍']");
      assertThat(staff.find("#emoji-picker").isDisplayed()).isFalse();
      assertThat(composer(staff)).isEqualTo("Thank you 👍");
      staff.find("#composer-emoji").sendKeys(Keys.ENTER);
      WebElement focused = staff.driver.switchTo().activeElement();
      assertThat(focused.getAttribute("class")).contains("emoji-cell");
      focused.sendKeys(Keys.ESCAPE);
      assertThat(staff.find("#emoji-picker").isDisplayed()).isFalse();
      assertThat(staff.driver.switchTo().activeElement().getAttribute("id"))
          .isEqualTo("composer-emoji");
      staff.click("#composer-emoji");
      staff.click("#chat-messages");
      assertThat(staff.find("#emoji-picker").isDisplayed()).isFalse();
      staff.click("#composer-send");
      staff.waitForText("#chat-messages", "Thank you 👍");

      patient.open("/login.xhtml");
      patient.type("#login\\:username", patientAccount.username);
      patient.type("#login\\:password", "a long enough password");
      patient.click("#login\\:submit");
      // Logged in once the home page is there; opening the chat earlier races the login.
      patient.find("#ask\\:subject");
      patient.open("/consultation/chat.xhtml?id=" + consultation);
      patient.waitForText("#chat-messages", "Thank you 👍");
      assertThat(bodies(patient)).containsExactly(GREETING, PHOTO, "Thank you 👍");
      assertThat(patient.driver.findElements(By.cssSelector(".msg-body b"))).isEmpty();
      assertThat(patient.driver.findElements(By.id("composer-snippets"))).isEmpty();

      // On a phone the picker fits the screen and works with the keyboard too.
      patient.click("#composer-emoji");
      WebElement picker = patient.find("#emoji-picker");
      assertThat(picker.getRect().getX()).isGreaterThanOrEqualTo(0);
      assertThat(picker.getRect().getX() + picker.getRect().getWidth()).isLessThanOrEqualTo(390);
      patient.screenshot("25-emoji-picker-phone");
      WebElement first = patient.driver.switchTo().activeElement();
      assertThat(first.getAttribute("data-emoji")).isEqualTo("🙂");
      first.sendKeys(Keys.ARROW_RIGHT);
      patient.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
      assertThat(composer(patient)).isEqualTo("😊");
      patient.click("#composer-send");
      staff.waitForText("#chat-messages", "😊");
      patient.screenshot("26-chat-phone");
      staff.screenshot("26-chat");

      // Deleting asks first.
      staff.open("/staff/snippets.xhtml");
      staff.click("#snippets button[data-shortcut='photo']");
      staff.waitUntil(
          d -> "Photo request".equals(d.findElement(By.id("snippet:title")).getAttribute("value")));
      staff.click("#snippet\\:delete");
      staff.click(".ui-confirmdialog-yes");
      staff.waitForText("#messages", "Deleted /photo.");
      assertThat(staff.find("#snippets\\:list").getText())
          .contains("/hello")
          .doesNotContain("/photo");
    }
  }

  private static void createSnippet(Browser staff, String title, String shortcut, String body) {
    openDialog(staff, "#snippets\\:new");
    staff.type("#snippet\\:title", title);
    staff.type("#snippet\\:shortcut", shortcut);
    staff.type("#snippet\\:body", body);
    if (shortcut.equals("hello")) {
      staff.screenshot("20-snippet-dialog");
    }
    staff.click("#snippet\\:save");
    staff.waitForText("#messages", "Saved /" + shortcut + ".");
  }

  /** The dialog is shown after its form was replaced, so once it is visible its fields stay. */
  private static void openDialog(Browser staff, String button) {
    staff.click(button);
    staff.waitUntil(d -> d.findElement(By.id("snippet:title")).isDisplayed());
  }

  private static String composer(Browser browser) {
    return browser.find("#composer-input").getAttribute("value");
  }

  private static List<String> bodies(Browser browser) {
    return browser.driver.findElements(By.cssSelector(".msg .msg-body")).stream()
        .map(WebElement::getText)
        .toList();
  }
}
