package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/**
 * A patient on a phone downloads their data and asks for erasure; an administrator at a desk
 * carries it out, and the patient's login no longer works.
 */
class DataRightsBrowserIT {

  private static final String PASSWORD = "a long enough password";

  @Test
  void aPatientDownloadsTheirDataAndAsksForErasureWhichAnAdministratorCarriesOut()
      throws IOException {
    TakenConsultation chat = TakenConsultation.create(WebClient.unique("Back pain"));
    String username = chat.patient().username;
    Path downloads = Files.createTempDirectory("consultchat-export-");

    try (Browser phone = new Browser("patient-phone", 390, 844)) {
      phone.driver.executeCdpCommand(
          "Browser.setDownloadBehavior",
          Map.of("behavior", "allow", "downloadPath", downloads.toString()));
      phone.logIn(username, PASSWORD);
      phone.click("#user-menu summary");
      phone.click("#user-menu-data");
      phone.find("#download-data");
      assertThat(phone.find("#download-data").getAttribute("href")).contains("zone=");
      phone.wholePage("40-data-rights");
      phone.click("#download-data");
      Path zip = phone.waitUntil(d -> finished(downloads).orElse(null));
      assertThat(entries(zip))
          .contains("account.json", "consultations/consultation-" + chat.id() + ".pdf");

      phone.click("#erase\\:understood .ui-chkbox-box");
      phone.click("#erase\\:submit");
      phone.waitForText("#erasure-state", "Waiting for an administrator");
      phone.wholePage("41-erasure-asked");
    }

    try (Browser desk = new Browser("admin-desktop", 1280, 900)) {
      desk.logIn("admin", TestServer.ADMIN_PASSWORD);
      desk.click("#nav-erasure");
      String row = ".erasure-item[data-status='PENDING'] strong";
      desk.waitUntil(
          d ->
              d.findElements(org.openqa.selenium.By.cssSelector(row)).stream()
                      .anyMatch(e -> e.getText().equals("Patient " + username))
                  ? true
                  : null);
      desk.screenshot("42-erasure-requests");
      long account = chat.patient().accountId();
      long request = Database.count("select id from erasure_request where account_id = ?", account);
      desk.click(".erasure-item[data-request='" + request + "'] button[id$='carryOut']");
      desk.waitForText("#messages", "Former patient #" + account);
      desk.screenshot("43-erasure-carried-out");
    }

    try (Browser phone = new Browser("patient-phone", 390, 844)) {
      phone.open("/login.xhtml");
      phone.type("#login\\:username", username);
      phone.type("#login\\:password", PASSWORD);
      phone.click("#login\\:submit");
      phone.find("#login\\:username");
      phone.screenshot("44-login-after-erasure");
      assertThat(phone.driver.getCurrentUrl()).contains("/login.xhtml");
    }
  }

  private static Optional<Path> finished(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".zip")).findFirst();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> entries(Path zip) throws IOException {
    List<String> names = new ArrayList<>();
    try (InputStream file = Files.newInputStream(zip);
        ZipInputStream in = new ZipInputStream(file)) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        names.add(entry.getName());
      }
    }
    return names;
  }
}
