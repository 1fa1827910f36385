package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * On a phone: a patient sets up two-step login from Settings (QR code, key, first code, recovery
 * codes), logs out, and logs in with the password and then the app's code; the administrator sees
 * the account marked at desktop size. Screenshots of each step.
 */
class SecondFactorBrowserIT {

  private static final String PASSWORD = "a long enough password";

  @Test
  void aPatientSetsUpTwoStepLoginOnAPhoneAndLogsInWithIt() {
    WebClient patient = WebClient.newPatient();
    try (Browser phone = new Browser("two-step-patient", 390, 844);
        Browser desk = new Browser("two-step-admin", 1280, 800)) {
      phone.logIn(patient.username, PASSWORD);
      phone.find("#connection");
      phone.open("/account/settings.xhtml");
      phone.click("#two-step-link");
      phone.find("#qr");
      assertThat(
              (Boolean)
                  script(
                      phone,
                      "const img = document.getElementById('qr');"
                          + " return img.complete && img.naturalWidth > 0"
                          + " && img.getBoundingClientRect().right <= window.innerWidth;"))
          .as("the QR code drawn and inside the screen")
          .isTrue();
      phone.screenshot("01-set-up-390");
      String secret = phone.find("#secret").getText().replace(" ", "");

      phone.type("#confirm-form\\:code", code(secret, Instant.now()));
      phone.click("#confirm-form\\:confirm");
      phone.waitForText("#recovery", "Your recovery codes");
      assertThat(phone.driver.findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
      phone.screenshot("02-recovery-codes-390");

      phone.click("#continue");
      phone.find("#connection");
      // The same button the user menu holds; pressed by script whatever the menu shows.
      script(phone, "document.getElementById('session:logout').click(); return true;");
      phone.find("#login\\:username");
      phone.type("#login\\:username", patient.username);
      phone.type("#login\\:password", PASSWORD);
      phone.click("#login\\:submit");
      phone.find("#code-form\\:code");
      phone.screenshot("03-code-page-390");
      phone.type("#code-form\\:code", code(secret, Instant.now().plusSeconds(30)));
      phone.click("#code-form\\:submit");
      phone.find("#connection");
      assertThat(phone.driver.getCurrentUrl()).contains("/patient/home.xhtml");

      desk.logIn("admin", TestServer.ADMIN_PASSWORD);
      desk.open("/admin/accounts.xhtml");
      desk.waitForText("#accounts", patient.username);
      assertThat(
              (Boolean)
                  script(
                      desk,
                      "const cell = [...document.querySelectorAll('#accounts td')]"
                          + ".find(td => td.textContent.includes(arguments[0]));"
                          + " cell.scrollIntoView({block: 'center'});"
                          + " return cell.closest('tr').querySelector('.two-step-form') !== null;",
                      patient.username))
          .as("the patient's row marked with two-step login")
          .isTrue();
      desk.screenshot("04-accounts-two-step-desktop");
    }
  }

  private static Object script(Browser browser, String script, Object... arguments) {
    return ((JavascriptExecutor) browser.driver).executeScript(script, arguments);
  }

  private static String code(String secret, Instant at) {
    return AuthenticatorApp.code(secret, at);
  }
}
