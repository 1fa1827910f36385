package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A patient locked out by someone guessing sees why at the login page; an administrator finds the
 * account under Accounts and unlocks it. The test server locks after 5 failures.
 */
class LockoutBrowserIT {

  private static final String PASSWORD = "a long enough password";

  @Test
  void aLockedPatientIsToldWhyAndAnAdministratorUnlocksThem() {
    WebClient patient = WebClient.newPatient();
    lock(patient.username);

    try (Browser phone = new Browser("lockout-patient", 390, 844);
        Browser desk = new Browser("lockout-admin", 1280, 860)) {
      phone.open("/login.xhtml");
      phone.type("#login\\:username", patient.username);
      phone.type("#login\\:password", PASSWORD);
      phone.click("#login\\:submit");
      phone.waitForText(".ui-messages-error-summary", "logging in is locked for");
      phone.screenshot("01-locked-390");

      desk.logIn("admin", TestServer.ADMIN_PASSWORD);
      desk.open("/admin/accounts.xhtml");
      desk.waitForText("#lockouts-panel", patient.username);
      desk.screenshot("02-locked-logins-desktop");
      long account = Database.count("select id from account where username = ?", patient.username);
      desk.click("li[data-account='" + account + "'] button[id$=':unlock']");
      desk.waitForText(".ui-messages-info-summary", "Unlocked");
      desk.screenshot("03-unlocked-desktop");

      phone.type("#login\\:username", patient.username);
      phone.type("#login\\:password", PASSWORD);
      phone.click("#login\\:submit");
      phone.find("#connection");
      assertThat(phone.driver.getCurrentUrl()).contains("/patient/home.xhtml");
    }
  }

  /** Four wrong passwords, the wait after them, and the fifth that locks. */
  private static void lock(String username) {
    WebClient attacker = new WebClient("attacker");
    for (int i = 0; i < 4; i++) {
      attacker.login(username, "guess number " + i);
    }
    Await.until(
        "the account to lock",
        Duration.ofSeconds(10),
        () ->
            LoginSecurityIT.messageOf(attacker.login(username, "one more guess"))
                .contains("logging in is locked"));
  }
}
