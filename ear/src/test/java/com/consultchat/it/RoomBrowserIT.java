package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A specialist and two patients in three browsers: the specialist opens a room, the patients join
 * under pseudonyms and chat, a pinned recommendation is acknowledged by both, one patient is muted
 * and a report is handled.
 */
class RoomBrowserIT {

  private static final String ROOM = "Living with type 2 diabetes";

  @Test
  void aSpecialistRunsARoomWithTwoPatientsUnderPseudonyms() {
    WebClient staffAccount = WebClient.newStaff();
    WebClient annaAccount = WebClient.newPatient();
    WebClient benAccount = WebClient.newPatient();

    try (Browser specialist = new Browser("specialist", 1280, 900);
        Browser anna = new Browser("anna", 1280, 900);
        Browser ben = new Browser("ben", 390, 844)) {
      ben.timeZone("Pacific/Auckland");
      login(specialist, staffAccount.username, "a personal password");
      specialist.click("#nav-rooms");
      specialist.type("#create\\:name", ROOM);
      specialist.type("#create\\:topic", "Diabetes");
      specialist.type("#create\\:description", "Sharing everyday tips, with our diabetes nurses.");
      specialist.screenshot("room-01-create");
      specialist.click("#create\\:submit");
      specialist.waitForText("#room-name", ROOM);
      specialist.waitForText("#connection", "Live");

      joinAs(anna, annaAccount, "Quiet Heron");
      joinAs(ben, benAccount, "Brave Otter");
      anna.screenshot("room-02-joined");
      specialist.waitForText("#members-panel", "Brave Otter (Patient " + benAccount.username + ")");
      specialist.waitUntil(
          d -> d.findElements(By.cssSelector(".member-item[data-online='true']")).size() == 3);

      anna.type("#composer-input", "Hello! I was diagnosed");
      ben.waitForText("#chat-typing", "Quiet Heron is typing");
      ben.screenshot("room-03-typing");
      anna.find("#composer-input").sendKeys(" last month.", Keys.ENTER);
      ben.waitForText("#chat-messages", "diagnosed last month");
      specialist.waitForText("#chat-messages", "diagnosed last month");
      send(ben, "Welcome! Buy my sugar-free miracle pills.");
      anna.waitForText("#chat-messages", "miracle pills");
      assertThat(ben.find(".msg.theirs .msg-author").getText()).isEqualTo("Quiet Heron");
      assertThat(anna.driver.getPageSource())
          .doesNotContain(benAccount.username)
          .doesNotContain("Patient " + benAccount.username);
      ben.screenshot("room-03-chat");

      new Select(specialist.find("#composer-kind")).selectByValue("RECOMMENDATION");
      send(specialist, "Walk for 20 minutes after dinner: it lowers your sugar.");
      anna.waitForText(".msg-recommendation", "Walk for 20 minutes");
      specialist.click(".msg-recommendation .msg-action[data-action='pin']");
      specialist.waitForText("#pins", "Walk for 20 minutes");
      for (Browser patient : new Browser[] {anna, ben}) {
        patient.waitForText("#pins", "Walk for 20 minutes");
        patient.click("#pins button[id$=':ack']");
        patient.waitForText("#pins", "You have read this");
      }
      specialist.waitForText(".ack-done", "Brave Otter");
      specialist.waitForText(".ack-done", "Quiet Heron");
      specialist.waitForText(".ack-pending", "nobody");
      anna.screenshot("room-04-pinned");
      specialist.screenshot("room-04-acknowledged");

      WebElement benRow =
          specialist.waitUntil(
              d ->
                  d.findElement(
                      By.xpath("//li[contains(@class,'member-item')][contains(.,'Brave Otter')]")));
      benRow.findElement(By.cssSelector("button[id$=':mute']")).click();
      specialist.waitForText("#members-panel", "Muted");
      ben.waitForText("#room-state", "muted you");
      // The composer says why it is off and until when, in Ben's own time (Auckland), not UTC.
      WebElement composer =
          ben.waitUntil(
              d -> {
                WebElement input = d.findElement(By.id("composer-input"));
                return input.isEnabled() ? null : input;
              });
      long until =
          Database.count(
              "select extract(epoch from muted_until)::bigint from focus_group_member"
                  + " where account_id = ? and muted_until is not null",
              Rooms.accountId(benAccount.username));
      String clock =
          "return new Date(arguments[0] * 1000).toLocaleTimeString([],"
              + " { hour: '2-digit', minute: '2-digit', timeZone: arguments[1] })";
      String local = (String) ben.driver.executeScript(clock, until, "Pacific/Auckland");
      String utc = (String) ben.driver.executeScript(clock, until, "UTC");
      assertThat(local).isNotEqualTo(utc);
      assertThat(composer.getAttribute("placeholder")).startsWith("Muted until ").endsWith(local);
      assertThat(ben.find("#composer-muted").getText())
          .startsWith("A moderator muted you until")
          .contains(local)
          .doesNotContain(utc)
          .doesNotContain("UTC");
      assertThat(ben.find("#composer-send").isEnabled()).isFalse();
      ben.screenshot("room-05-muted");

      WebElement pills =
          anna.waitUntil(
              d ->
                  d.findElement(
                      By.xpath("//article[contains(@class,'msg')][contains(.,'miracle pills')]")));
      pills.findElement(By.cssSelector(".msg-action[data-action='report']")).click();
      anna.type("#report\\:reason", "Selling pills to patients");
      anna.screenshot("room-06-report");
      anna.click("#report\\:submit");
      anna.waitForText("#messages", "The room’s staff will look at it");

      specialist.waitForText("#side\\:reports-panel", "Selling pills to patients");
      specialist.screenshot("room-07-report-queue");
      specialist.clickRefreshed("#side\\:reports-panel .resolve-button");
      specialist.type("#resolve\\:resolution", "Advertising; message removed and member muted.");
      specialist.click("#resolve\\:remove");
      specialist.click("#resolve\\:submit");
      specialist.waitForText("#messages", "Report resolved");
      anna.waitForText("#chat-messages", "Removed by a moderator");
      ben.waitForText("#chat-messages", "Removed by a moderator");
      assertThat(anna.driver.findElement(By.id("chat-messages")).getText())
          .doesNotContain("miracle pills");
      anna.screenshot("room-08-removed");
      specialist.screenshot("room-08-resolved");
      ben.screenshot("room-08-removed");
    }
  }

  private static void login(Browser browser, String username, String password) {
    browser.open("/login.xhtml");
    browser.type("#login\\:username", username);
    browser.type("#login\\:password", password);
    browser.click("#login\\:submit");
    browser.find(".topbar"); // only logged-in pages have it
  }

  private static void joinAs(Browser browser, WebClient account, String pseudonym) {
    login(browser, account.username, "a long enough password");
    browser.click("#browse-rooms");
    browser.find(".room-item .join-button[data-name='" + ROOM + "']");
    browser.screenshot("room-02-directory");
    browser.click(".room-item .join-button[data-name='" + ROOM + "']");
    browser.type("#join\\:pseudonym", pseudonym);
    browser.screenshot("room-02-join-dialog");
    browser.click("#join\\:submit");
    browser.waitForText("#room-name", ROOM);
    browser.waitForText("#mine", "You appear as " + pseudonym);
    browser.waitForText("#connection", "Live");
  }

  private static void send(Browser browser, String text) {
    browser.type("#composer-input", text);
    browser.find("#composer-input").sendKeys(Keys.ENTER);
  }
}
