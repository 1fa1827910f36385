package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The account lifecycle as people see it: a specialist in a chat, on a phone, is logged out the
 * moment an administrator disables the account and is told why; a patient given a reset password
 * logs in with it and must choose their own at once.
 */
class AccountLifecycleBrowserIT {

  @Test
  void aSpecialistInAChatIsLoggedOutAtOnceWhenDisabledAndToldWhy() {
    TakenConsultation chat = TakenConsultation.create("Disabled while chatting");
    long staffId =
        Database.count("select id from account where username = ?", chat.staff().username);

    try (Browser phone = new Browser("disable-owner", 390, 844);
        Browser desk = new Browser("disable-admin", 1280, 860)) {
      phone.logIn(chat.staff().username, "a personal password");
      phone.open(chat.chatPath());
      phone.waitUntil(
          d -> "connected".equals(d.findElement(By.id("connection")).getAttribute("data-state")));
      phone.screenshot("01-in-chat-390");

      desk.logIn("admin", TestServer.ADMIN_PASSWORD);
      desk.open("/admin/accounts.xhtml?q=" + chat.staff().username);
      desk.find("a.manage-link");
      desk.screenshot("02-accounts-search-desktop");
      desk.click("a.manage-link");
      desk.find("#disable\\:submit");
      desk.screenshot("03-account-page-desktop");
      desk.click("#disable\\:submit");
      desk.find(".ui-confirmdialog-yes");
      desk.screenshot("04-confirm-disable-desktop");
      desk.click(".ui-confirmdialog-yes");
      desk.waitForText(".ui-messages-info-summary", "Disabled");
      desk.screenshot("05-disabled-desktop");

      phone.waitUntil(d -> d.getCurrentUrl().contains("/login.xhtml?disabled=true") ? true : null);
      phone.waitForText("#disabled-notice", "Your account was disabled");
      phone.screenshot("06-logged-out-390");
      assertThat(Database.status(chat.id())).isEqualTo("TRANSFERRED");
      assertThat(staffId).isPositive();
    }
  }

  @Test
  void theAdministratorsListsWorkOnAPhone() {
    WebClient staff = WebClient.newStaff();
    Rooms.create(staff, WebClient.unique("Phone room"), true, false);
    try (Browser phone = new Browser("admin-phone", 390, 844)) {
      phone.logIn("admin", TestServer.ADMIN_PASSWORD);
      phone.open("/admin/accounts.xhtml?role=STAFF");
      phone.find("a.manage-link");
      phone.screenshot("10-accounts-390");
      phone.open("/admin/rooms.xhtml");
      phone.find("#rooms a.room-name");
      phone.screenshot("11-rooms-390");
    }
  }

  @Test
  void aPatientLogsInWithAResetPasswordAndMustChooseTheirOwn() {
    WebClient patient = WebClient.newPatient();
    long id = Database.count("select id from account where username = ?", patient.username);

    try (Browser desk = new Browser("reset-admin", 1280, 860);
        Browser phone = new Browser("reset-owner", 390, 844)) {
      desk.logIn("admin", TestServer.ADMIN_PASSWORD);
      desk.open("/admin/account.xhtml?id=" + id);
      desk.click("#reset\\:submit");
      desk.click(".ui-confirmdialog-yes");
      String oneTime = desk.find("#one-time-value").getText().strip();
      desk.screenshot("07-one-time-password-desktop");
      assertThat(oneTime).hasSize(19);

      phone.open("/login.xhtml");
      phone.type("#login\\:username", patient.username);
      phone.type("#login\\:password", oneTime);
      phone.click("#login\\:submit");
      phone.waitUntil(d -> d.getCurrentUrl().contains("/account/password.xhtml") ? true : null);
      phone.screenshot("08-must-change-390");
      phone.type("#password\\:current", oneTime);
      phone.type("#password\\:replacement", "my own new password 7");
      phone.type("#password\\:confirmation", "my own new password 7");
      phone.click("#password\\:submit");
      phone.waitUntil(d -> d.getCurrentUrl().contains("/patient/home.xhtml") ? true : null);
      phone.screenshot("09-own-password-390");
    }
  }
}
