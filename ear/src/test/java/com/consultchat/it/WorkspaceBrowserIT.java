package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What staff and administrators notice around the chat: a colleague hears of a consultation handed
 * to them, desktop notifications switch on and off and stay so, the first click wakes the tones,
 * and an administrator reads a consultation's messages, read-only and audited.
 */
class WorkspaceBrowserIT {

  @Test
  void theColleagueWhoReceivesATransferGetsAToast() {
    TakenConsultation consultation = TakenConsultation.create("Swollen ankle after a run");
    WebClient colleagueAccount = WebClient.newStaff();
    try (Browser colleague = new Browser("transfer-colleague", 1280, 800)) {
      colleague.logIn(colleagueAccount.username, "a personal password");
      colleague.open("/staff/queue.xhtml");
      colleague.waitForText("#connection", "Live");

      consultation
          .staff()
          .submit(
              consultation.chatPath(),
              "transfer",
              Map.of(
                  "target",
                  consultation.transferOption(colleagueAccount),
                  "note",
                  "Please look at the X-ray."),
              "submit");

      WebElement toast = colleague.find(".toast");
      assertThat(toast.getText())
          .contains("handed a consultation to you")
          .contains("Swollen ankle after a run");
      assertThat(toast.getAttribute("href")).endsWith(consultation.chatPath());
      colleague.screenshot("workspace-01-transfer-toast");
    }
  }

  @Test
  void desktopNotificationsSwitchOffAndOnInSettingsAndStaySo() {
    WebClient staffAccount = WebClient.newStaff();
    try (Browser staff = new Browser("notifications-staff", 390, 844)) {
      staff.driver.executeCdpCommand(
          "Browser.grantPermissions", Map.of("permissions", List.of("notifications")));
      staff.logIn(staffAccount.username, "a personal password");
      staff.open("/account/settings.xhtml");
      staff.waitForText("#settings-notifications", "Desktop notifications: on");

      staff.click("#settings-notifications");
      staff.waitForText("#settings-notifications", "Desktop notifications: off");
      assertThat(staff.find("#settings-notifications").getAttribute("aria-pressed"))
          .isEqualTo("false");
      staff.driver.navigate().refresh();
      staff.waitForText("#settings-notifications", "Desktop notifications: off");
      staff.screenshot("workspace-02-notifications-off");

      staff.open("/staff/queue.xhtml");
      staff.click("#user-menu summary");
      staff.waitForText("#notifications-toggle", "Desktop notifications: off");
      staff.click("#notifications-toggle");
      staff.waitForText("#notifications-toggle", "Desktop notifications: on");
      staff.screenshot("workspace-03-menu-notifications-on");
      staff.open("/account/settings.xhtml");
      staff.waitForText("#settings-notifications", "Desktop notifications: on");
    }
  }

  @Test
  void theFirstClickAnywhereWakesTheQueueTones() {
    WebClient staffAccount = WebClient.newStaff();
    try (Browser staff = new Browser("tones-staff", 1280, 800)) {
      staff.logIn(staffAccount.username, "a personal password");
      staff.open("/staff/queue.xhtml");
      staff.waitForText("#connection", "Live");
      assertThat(staff.find("body").getAttribute("data-audio")).isNull();

      staff.click("h1");
      staff.find("body[data-audio='running']");
    }
  }

  @Test
  void anAdministratorReadsAConsultationsMessagesReadOnlyAndTheReadingIsAudited() {
    TakenConsultation consultation = TakenConsultation.create("Headache since the new glasses");
    try (SocketClient patient = SocketClient.open(consultation.patient())) {
      patient.send(consultation.conversation(), "It gets worse in the evening.");
      patient.next("ack");
    }
    try (Browser admin = new Browser("observing-admin", 390, 844)) {
      admin.logIn("admin", TestServer.ADMIN_PASSWORD);
      admin.open(consultation.chatPath());

      admin.waitForText("#observed-messages", "It gets worse in the evening.");
      assertThat(admin.find("#observer-admin").getText()).contains("read-only");
      assertThat(admin.driver.findElements(By.id("composer"))).isEmpty();
      assertThat(admin.find("#chat-messages").isDisplayed()).isFalse();
      assertThat(admin.find("#observed-messages").getText()).doesNotContain("No messages yet.");
      admin.screenshot("workspace-04-admin-reads");
    }
    assertThat(
            Database.count(
                "select count(*) from audit_event where target_id = ? and actor_username = 'admin'"
                    + " and action = 'TRANSCRIPT_VIEWED' and admin_access",
                consultation.id()))
        .isEqualTo(1);
  }
}
