package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/**
 * The administrator watches the live metrics while a patient and a specialist chat: the tiles show
 * their sockets, the two people and the messages per minute, the charts are drawn, and the
 * specialist is listed with the consultation they hold; at a phone's size and a laptop's.
 */
class MetricsBrowserIT {

  private static final int[][] SIZES = {{390, 844}, {1280, 800}};

  /** The page samples every 10 s and the node samples every 10 s: two rounds and some room. */
  private static final Duration LIVE = Duration.ofSeconds(40);

  @Test
  void theMetricsPageShowsLiveNumbersWhileTwoPeopleChat() {
    TakenConsultation chat = TakenConsultation.create("Metrics page: follow-up on blood pressure");
    try (SocketClient patient = SocketClient.open(chat.patient());
        SocketClient staff = SocketClient.open(chat.staff());
        Browser admin = new Browser("metrics-admin", SIZES[0][0], SIZES[0][1])) {
      admin.logIn("admin", TestServer.ADMIN_PASSWORD);
      admin.open("/admin/metrics.xhtml");
      for (int i = 0; i < 6; i++) {
        patient.send(chat.conversation(), "Reading number " + i + ": 135 over 85");
        patient.next("ack");
        staff.send(chat.conversation(), "Thank you, noted reading " + i);
        staff.next("ack");
      }

      Await.until(
          "live numbers on the metrics page",
          LIVE,
          () ->
              number(admin, "#now-sockets") >= 2
                  && number(admin, "#now-online") >= 2
                  && number(admin, "#now-messages") > 0);
      assertThat(admin.driver.findElements(By.cssSelector("[data-chart] canvas"))).hasSize(3);
      assertThat(admin.find("#specialists tbody").getText()).contains(chat.staff().username);
      for (int[] size : SIZES) {
        admin.driver.manage().window().setSize(new Dimension(size[0], size[1]));
        Await.until(
            "charts as wide as their boxes",
            Duration.ofSeconds(5),
            () ->
                admin
                        .driver
                        .findElement(By.cssSelector("#chart-connections canvas"))
                        .getSize()
                        .getWidth()
                    <= admin.driver.findElement(By.id("chart-connections")).getSize().getWidth());
        Object sideways =
            admin.driver.executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth");
        assertThat(sideways).as("page scrolls sideways at " + size[0]).isEqualTo(false);
        admin.wholePage("metrics-" + size[0]);
      }
    }
  }

  private static double number(Browser browser, String css) {
    String text = browser.driver.findElement(By.cssSelector(css)).getText().strip();
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException notYet) {
      return -1;
    }
  }
}
