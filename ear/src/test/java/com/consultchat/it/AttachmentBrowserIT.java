package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A patient on a phone sends a photo (its progress shown while it goes up), a PDF and a voice note;
 * the specialist sees the photo's thumbnail, opens it in the viewer, sees the PDF's first page,
 * plays the voice note and marks the PDF (sent as a lab result) verified, which the patient sees at
 * once; the transcript lists each file with its kind, verification and checksum.
 */
class AttachmentBrowserIT {

  @Test
  void aPatientSendsAPhotoAPdfAndAVoiceNoteAndTheSpecialistSeesAndHearsThem() throws Exception {
    WebClient patientAccount = WebClient.newPatient();
    WebClient staffAccount = WebClient.newStaff();
    long consultation = patientAccount.requestConsultation("A rash on my arm");
    staffAccount.take(consultation);
    Path folder = Files.createTempDirectory("consultchat-files-");
    Path photo = Files.write(folder.resolve("IMG_2041.jpg"), noisyPhoto());
    Path pdf = Files.write(folder.resolve("Blood test März.pdf"), labReport());

    try (Browser patient = new Browser("files-patient", 390, 844);
        Browser staff = new Browser("files-staff", 1280, 800)) {
      patient.logIn(patientAccount.username, "a long enough password");
      patient.open("/consultation/chat.xhtml?id=" + consultation);
      patient.waitForText("#connection", "Live");
      staff.logIn(staffAccount.username, "a personal password");
      staff.open("/consultation/chat.xhtml?id=" + consultation);
      staff.waitForText("#connection", "Live");

      // A slow phone network, so the upload's progress can be seen.
      patient.driver.executeCdpCommand("Network.enable", Map.of());
      patient.driver.executeCdpCommand(
          "Network.emulateNetworkConditions",
          Map.of(
              "offline",
              false,
              "latency",
              20,
              "downloadThroughput",
              -1,
              "uploadThroughput",
              96 * 1024));
      patient.type("#composer-input", "Since Monday");
      patient.find("#composer-file").sendKeys(photo.toString());
      patient.waitUntil(
          d ->
              Double.parseDouble(
                          d.findElement(By.cssSelector(".upload-progress")).getDomProperty("value"))
                      > 0.05
                  ? true
                  : null);
      patient.screenshot("60-upload-progress");
      patient.waitUntil(d -> d.findElements(By.cssSelector(".msg.upload")).isEmpty());
      patient.offline(false); // back to full speed
      // The patient says what the PDF is before sending it.
      new Select(patient.find("#composer-file-kind")).selectByValue("LAB_RESULT");
      patient.find("#composer-file").sendKeys(pdf.toString());
      patient.waitUntil(
          d -> d.findElements(By.cssSelector(".msg[data-seq] .msg-file")).size() == 2);
      patient.screenshot("61-files-sent");

      // A voice note from Chromium's fake microphone: the timer runs, "Send" sends it.
      patient.click("#composer-voice");
      patient.waitForText(".voice-time", "0:02");
      patient.screenshot("64-voice-recording");
      patient.click(".voice-send");
      patient.waitUntil(
          d -> d.findElements(By.cssSelector(".msg[data-seq] .msg-file-audio")).size() == 1);
      assertThat(patient.driver.findElements(By.cssSelector(".voice-bar"))).isEmpty();

      staff.waitUntil(d -> d.findElements(By.cssSelector(".msg[data-seq] .msg-file")).size() == 3);
      // Browsers play sound only after the person has touched the page: a click on the player.
      staff.find(".msg-file-audio").click();
      staff.driver.executeScript("document.querySelector('.msg-file-audio').play()");
      staff.waitUntil(
          d ->
              Double.parseDouble(
                          d.findElement(By.cssSelector(".msg-file-audio"))
                              .getDomProperty("currentTime"))
                      > 0
                  ? true
                  : null);
      List<WebElement> previews = staff.driver.findElements(By.cssSelector(".msg-file-preview"));
      staff.waitUntil(d -> previews.stream().allMatch(AttachmentBrowserIT::loaded) ? true : null);
      assertThat(staff.find(".msg[data-seq] .msg-body").getText()).isEqualTo("Since Monday");
      assertThat(staff.driver.findElements(By.cssSelector(".msg-file-name")))
          .extracting(WebElement::getText)
          .startsWith("IMG_2041.jpg", "Blood test März.pdf");
      staff.screenshot("62-files-received");

      staff.click(".msg-file-preview[tabindex]");
      staff.waitUntil(d -> loaded(d.findElement(By.cssSelector("#file-viewer img"))) ? true : null);
      staff.screenshot("63-photo-viewer");
      staff.click(".file-viewer-close");
      staff.waitUntil(d -> !d.findElement(By.id("file-viewer")).isDisplayed());

      // The kinds as sent: the photo and voice note from their type, the PDF as the patient chose.
      assertThat(
              staff.driver.findElements(By.cssSelector(".file-kind-select")).stream()
                  .map(select -> new Select(select).getFirstSelectedOption().getText())
                  .toList())
          .containsExactly("Image", "Lab result", "Audio");
      // The specialist marks the PDF verified; the patient sees it at once.
      WebElement pdfEntry =
          staff.driver.findElements(By.cssSelector(".msg[data-seq]")).stream()
              .filter(m -> m.getText().contains("Blood test März.pdf"))
              .findFirst()
              .orElseThrow();
      pdfEntry.findElement(By.cssSelector(".file-verify")).click();
      staff.waitUntil(
          d -> d.findElements(By.cssSelector(".file-revoke")).size() == 1 ? true : null);
      String verified = "Verified by Dr. " + staffAccount.username;
      staff.waitForText(".file-verified:not([hidden])", verified);
      staff.screenshot("65-pdf-verified");
      patient.waitForText(".file-verified:not([hidden])", verified);
      assertThat(patient.driver.findElements(By.cssSelector(".file-verify, .file-revoke")))
          .isEmpty();
      patient.screenshot("66-patient-sees-verified");

      staff.open("/consultation/transcript.xhtml?id=" + consultation);
      staff.waitForText("#transcript-messages", "Blood test März.pdf");
      String transcript = staff.find("#transcript-messages").getText();
      assertThat(transcript)
          .contains("Kind: Lab result · verified by Dr. " + staffAccount.username)
          .contains("Kind: Image · not verified")
          .contains("Kind: Audio · not verified")
          .containsPattern("SHA-256 [0-9a-f]{64}");
      staff.wholePage("67-transcript");
    }
    assertThat(
            Database.count(
                "select count(*) from audit_event where action = 'FILE_PREVIEWED'"
                    + " and actor_username = ?",
                staffAccount.username))
        .isGreaterThanOrEqualTo(3);
  }

  private static boolean loaded(WebElement image) {
    Object width = image.getDomProperty("naturalWidth");
    return width != null && Integer.parseInt(width.toString()) > 0;
  }

  /** A photo whose noise compresses badly, so it takes a few seconds on a slow network. */
  private static byte[] noisyPhoto() throws IOException {
    BufferedImage image = new BufferedImage(900, 600, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(42);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        image.setRGB(x, y, (x < 450 ? 0xC04040 : 0x4060C0) ^ (random.nextInt() & 0x3F3F3F));
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", out);
    return out.toByteArray();
  }

  private static byte[] labReport() throws IOException {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream text = new PDPageContentStream(document, page)) {
        text.beginText();
        text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 28);
        text.newLineAtOffset(72, 680);
        text.showText("Blood test");
        text.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 16);
        text.newLineAtOffset(0, -40);
        text.showText("Haemoglobin 13.9 g/dl");
        text.endText();
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }
}
