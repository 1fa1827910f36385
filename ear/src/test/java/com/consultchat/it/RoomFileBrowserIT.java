package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A moderator takes a photo down in a room: everyone sees the entry as removed, the picture is gone
 * from every page, and its bytes are gone from the database.
 */
class RoomFileBrowserIT {

  @Test
  void aModeratorRemovesAPhotoForEveryoneAndItsBytesAreDeleted() throws Exception {
    WebClient staffAccount = WebClient.newStaff();
    WebClient annaAccount = WebClient.newPatient();
    WebClient benAccount = WebClient.newPatient();
    long room = Rooms.create(staffAccount, "Skin photos " + System.nanoTime(), true, false);
    Rooms.join(annaAccount, room, "Sunny Wren");
    Rooms.join(benAccount, room, "Steady Seal");
    Path photo =
        Files.write(
            Files.createTempDirectory("consultchat-room-files-").resolve("advert.jpg"),
            com.consultchat.attachment.control.Samples.jpeg(160, 120));

    try (Browser moderator = new Browser("room-files-moderator", 1280, 900);
        Browser anna = new Browser("room-files-anna", 390, 844);
        Browser ben = new Browser("room-files-ben", 1280, 900)) {
      moderator.logIn(staffAccount.username, "a personal password");
      anna.logIn(annaAccount.username, "a long enough password");
      ben.logIn(benAccount.username, "a long enough password");
      for (Browser browser : new Browser[] {moderator, anna, ben}) {
        browser.open(Rooms.path(room));
        browser.waitForText("#connection", "Live");
      }

      anna.find("#composer-file").sendKeys(photo.toString());
      ben.waitUntil(d -> d.findElements(By.cssSelector(".msg[data-seq] .msg-file")).size() == 1);
      WebElement entry =
          moderator
              .waitUntil(d -> d.findElement(By.cssSelector(".msg[data-seq] .msg-file")))
              .findElement(By.xpath("ancestor::article[contains(@class,'msg')]"));
      long fileId =
          Long.parseLong(
              entry.findElement(By.cssSelector(".msg-file-marks")).getDomAttribute("data-file-id"));
      moderator.screenshot("room-files-01-photo");

      entry.findElement(By.cssSelector(".msg-action[data-action='remove']")).click();
      moderator.driver.switchTo().alert().accept();
      for (Browser browser : new Browser[] {moderator, anna, ben}) {
        browser.waitForText("#chat-messages", "Removed by a moderator");
        assertThat(browser.driver.findElements(By.cssSelector(".msg-file"))).isEmpty();
      }
      anna.screenshot("room-files-02-removed");
      ben.screenshot("room-files-02-removed");

      assertThat(
              Database.count(
                  "select count(*) from attachment_chunk where attachment_id = ?", fileId))
          .isZero();
      assertThat(benAccount.download("/api/files/" + fileId).statusCode()).isEqualTo(404);
    }
  }
}
