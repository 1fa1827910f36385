package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A German browser gets German pages; the switch in the user menu changes the language, and the
 * choice stays with the person on their next login; before login the switch is remembered by the
 * browser. On a phone and on a desktop.
 */
class LanguageBrowserIT {

  @Test
  void aGermanBrowserReadsGermanAndTheMenuSwitchIsRememberedOnAPhone() {
    germanFirstThenEnglish("phone", 390, 844);
  }

  @Test
  void aGermanBrowserReadsGermanAndTheMenuSwitchIsRememberedOnADesktop() {
    germanFirstThenEnglish("desktop", 1280, 800);
  }

  @Test
  void beforeLoginTheSwitchIsRememberedByTheBrowser() {
    try (Browser browser = new Browser("language-public", 390, 844)) {
      browser.open("/login.xhtml");
      assertThat(language(browser)).isEqualTo("en");
      browser.click("#language input[lang='de']");
      browser.waitUntil(d -> "de".equals(language(browser)) ? true : null);
      browser.screenshot("language-01-login-german");
      browser.open("/signup.xhtml");
      assertThat(language(browser)).as("the browser keeps the choice").isEqualTo("de");
      assertThat(browser.find("#language [lang='de']").getAttribute("aria-current"))
          .isEqualTo("true");
    }
  }

  private static void germanFirstThenEnglish(String label, int width, int height) {
    WebClient patient = WebClient.newPatient();
    try (Browser browser = Browser.speaking("de-DE", "language-" + label, width, height)) {
      browser.open("/login.xhtml");
      assertThat(language(browser)).as("from the browser's language").isEqualTo("de");
      browser.logIn(patient.username, WebClient.PATIENT_PASSWORD);
      assertThat(language(browser)).isEqualTo("de");
      browser.waitForText("#nav-search", "Suche");
      browser.click("#user-menu summary");
      browser.screenshot("language-02-menu-german");
      browser.click("#language [lang='en']");
      browser.waitUntil(d -> "en".equals(language(browser)) ? true : null);
      browser.waitForText("#nav-search", "Search");
      browser.screenshot("language-03-switched-english");
      browser.logOut();
    }
    try (Browser again = Browser.speaking("de-DE", "language-again-" + label, width, height)) {
      again.logIn(patient.username, WebClient.PATIENT_PASSWORD);
      assertThat(language(again)).as("the choice stays with the account").isEqualTo("en");
      again.waitForText("#nav-search", "Search");
    }
  }

  private static String language(Browser browser) {
    return browser.find("html").getAttribute("lang");
  }
}
