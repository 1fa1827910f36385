package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * An administrator changes a setting on the settings page (and puts it back), then runs a retention
 * dry run, on a desktop and on a phone. Screenshots of both pages at both sizes.
 */
class SettingsBrowserIT {

  @Test
  void anAdministratorChangesASettingAndRunsARetentionDryRun() {
    ClosedConsultation old = ClosedConsultation.create();
    Database.execute(
        "update consultation set closed_at = now() - interval '11 years' where id = ?", old.id());
    long entries = Database.messagesIn(old.taken().conversation());
    try (Browser admin = new Browser("settings-desktop", 1280, 900)) {
      admin.logIn("admin", TestServer.ADMIN_PASSWORD);
      admin.open("/admin/settings.xhtml");
      admin.click("#nav-settings");
      WebElement row = admin.find("li[data-setting='consultchat.follow.up.days']");
      WebElement input = row.findElement(By.cssSelector("input.setting-number"));
      input.clear();
      input.sendKeys("21");
      row.findElement(By.cssSelector("button[id$=':save']")).click();
      admin.waitForText("body", "Follow-up window is now 21 days.");
      WebElement changed = admin.find("li[data-setting='consultchat.follow.up.days']");
      assertThat(changed.getText()).contains("changed");
      admin.screenshot("settings-01-desktop-changed");

      admin.driver.manage().window().setSize(new Dimension(390, 844));
      admin.open("/admin/settings.xhtml");
      fitsTheWidth(admin);
      admin.screenshot("settings-02-phone");

      admin
          .find("li[data-setting='consultchat.follow.up.days']")
          .findElement(By.cssSelector("button[id$=':reset']"))
          .click();
      admin.waitForText("body", "Follow-up window is back to its default");

      admin.open("/admin/retention.xhtml");
      admin.click("button[id='purge:dry-run']");
      admin.waitForText("#purge-totals", "entries");
      admin.waitForText("#report", "Consultation " + old.id());
      assertThat(admin.find("#report").getText())
          .doesNotContain(ClosedConsultation.PATIENT_MESSAGE, old.subject());
      fitsTheWidth(admin);
      admin.screenshot("retention-01-phone-dry-run");

      admin.driver.manage().window().setSize(new Dimension(1280, 900));
      admin.open("/admin/retention.xhtml");
      admin.click("button[id='purge:dry-run']");
      admin.waitForText("#purge-totals", "entries");
      admin.screenshot("retention-02-desktop-dry-run");
    } finally {
      // Nothing of this test may be purged by another test's purge: it is not due any more.
      Database.execute("update consultation set closed_at = now() where id = ?", old.id());
    }
    assertThat(Database.messagesIn(old.taken().conversation())).isEqualTo(entries);
  }

  private static void fitsTheWidth(Browser browser) {
    Number width =
        (Number) browser.driver.executeScript("return document.documentElement.clientWidth");
    Number scroll =
        (Number) browser.driver.executeScript("return document.documentElement.scrollWidth");
    assertThat(scroll.doubleValue()).isLessThanOrEqualTo(width.doubleValue() + 0.5);
  }
}
