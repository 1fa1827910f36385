package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * ConsultChat as an installed app: Chromium finds the manifest and the worker and would install it;
 * after the first visit the start address and the login page open without a network, a page never
 * opened says so instead of failing, and after logout the start address offline shows the login
 * page, never the person's own.
 */
class InstallableAppBrowserIT {

  @Test
  void onAPhone() {
    installAndOpenOffline("app-phone", 390, 844);
  }

  @Test
  void onADesktop() {
    installAndOpenOffline("app-desktop", 1280, 800);
  }

  @SuppressWarnings("unchecked")
  private static void installAndOpenOffline(String name, int width, int height) {
    WebClient account = WebClient.newPatient();
    try (Browser browser = new Browser(name, width, height)) {
      browser.open("/login.xhtml");
      browser.waitUntil(
          d ->
              Boolean.TRUE.equals(
                      browser.driver.executeScript("return !!navigator.serviceWorker.controller"))
                  ? true
                  : null);

      Map<String, Object> manifest =
          browser.driver.executeCdpCommand("Page.getAppManifest", Map.of());
      assertThat((String) manifest.get("url")).endsWith("/consultchat/manifest.webmanifest");
      assertThat((List<Object>) manifest.get("errors")).isEmpty();
      Map<String, Object> installability =
          browser.driver.executeCdpCommand("Page.getInstallabilityErrors", Map.of());
      assertThat((List<Object>) installability.get("installabilityErrors")).isEmpty();

      browser.logIn(account.username, "a long enough password");
      browser.open("/");
      browser.find("#ask\\:subject");
      browser.waitUntil(d -> startPageRemembered(browser) ? true : null);

      browser.offlineWithWorker(true);
      browser.open("/");
      // The kept copy of the person's first page, at the start address, knowing it is offline.
      browser.find("#ask\\:subject");
      assertThat(browser.driver.getCurrentUrl()).endsWith("/consultchat/");
      browser.waitForText("#connection", "Offline");
      browser.screenshot("70-offline-start");
      browser.open("/login.xhtml");
      browser.type("#login\\:username", account.username);
      browser.type("#login\\:password", "a long enough password");
      browser.click("#login\\:submit");
      browser.waitForText("#offline-notice", "You are offline");
      browser.screenshot("71-offline-login");
      browser.open("/account/two-step.xhtml");
      browser.waitForText("#offline-page h1", "You are offline");
      browser.screenshot("72-offline-never-opened");
      browser.offlineWithWorker(false);

      browser.open("/patient/home.xhtml");
      browser.logOut();
      browser.find("#login\\:username");
      browser.waitUntil(
          d ->
              "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-wiped"))
                  ? true
                  : null);
      browser.offlineWithWorker(true);
      browser.open("/");
      browser.find("#login\\:username");
      assertThat(browser.driver.findElements(By.cssSelector("#ask\\:subject"))).isEmpty();
      browser.screenshot("73-offline-start-after-logout");
      browser.offlineWithWorker(false);
    }
  }

  /** The worker has kept where the start address leads this person. */
  private static boolean startPageRemembered(Browser browser) {
    Object found =
        browser.driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "caches.match(new URL('start-page', navigator.serviceWorker.controller.scriptURL).href)"
                + ".then(r => done(!!r), () => done(false));");
    return Boolean.TRUE.equals(found);
  }
}
