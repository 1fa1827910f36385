package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * What 3 of issue 13 asks: logged off after 15 quiet minutes (the default), warned a minute before,
 * and able to stay. The page's clock is the person's last activity as the page recorded it, so the
 * test moves that back instead of waiting a quarter of an hour.
 */
class IdleLogoffBrowserIT {

  private static final String PASSWORD = "a long enough password";
  private static final long MINUTE = 60_000;

  @Test
  void aMinuteBeforeTheLogoffThePageWarnsAndThePersonCanStay() {
    WebClient patient = WebClient.newPatient();
    try (Browser browser = new Browser("idle-warning", 390, 844)) {
      browser.logIn(patient.username, PASSWORD);
      browser.open("/patient/home.xhtml");
      browser.find("#connection");

      quietFor(browser, 14 * MINUTE + 30_000);
      browser.waitUntil(d -> d.findElement(By.id("idle-warning")).isDisplayed() ? true : null);
      assertThat(browser.find("#idle-text").getText()).contains("You will be logged out in");
      int secondsLeft = Integer.parseInt(browser.find("#idle-seconds").getText());
      assertThat(secondsLeft).isBetween(20, 31);
      browser.screenshot("01-idle-warning-390");

      browser.click("#idle-stay");
      browser.waitUntil(d -> d.findElement(By.id("idle-warning")).isDisplayed() ? null : true);
      browser.waitUntil(d -> reportedAgo(browser) < 10_000 ? true : null);
      browser.screenshot("02-stayed-390");

      browser.open("/patient/home.xhtml");
      browser.find("#connection");
      assertThat(browser.driver.getCurrentUrl()).contains("/patient/home.xhtml");
    }
  }

  @Test
  void afterTheQuietMinutesThePersonIsLoggedOffOnTheServerToo() {
    WebClient patient = WebClient.newPatient();
    try (Browser browser = new Browser("idle-logoff", 1280, 860)) {
      browser.logIn(patient.username, PASSWORD);
      browser.open("/patient/home.xhtml");
      browser.find("#connection");

      quietFor(browser, 15 * MINUTE + 1_000);
      browser.waitUntil(d -> d.getCurrentUrl().contains("/login.xhtml?expired=true") ? true : null);
      browser.waitForText(".notice", "You were logged out automatically.");
      browser.screenshot("01-logged-off-desktop");

      browser.open("/patient/home.xhtml");
      browser.waitUntil(d -> d.getCurrentUrl().contains("/login.xhtml") ? true : null);
      assertThat(browser.driver.getCurrentUrl()).doesNotContain("/patient/home.xhtml");
    }
  }

  /** Moves the page's record of the last activity, and of its last report, back by {@code ms}. */
  private static void quietFor(Browser browser, long ms) {
    browser.driver.executeScript(
        "const me = document.body.dataset.me; const then = String(Date.now() - arguments[0]);"
            + " localStorage.setItem('consultchat-activity-' + me, then);"
            + " localStorage.setItem('consultchat-reported-' + me, then);",
        ms);
  }

  private static long reportedAgo(Browser browser) {
    Object ago =
        browser.driver.executeScript(
            "return Date.now() - Number(localStorage.getItem("
                + "'consultchat-reported-' + document.body.dataset.me));");
    return ((Number) ago).longValue();
  }
}
