package com.consultchat.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

/**
 * The widget on the demo portal page, served from another origin: a patient (logged in before, or
 * logging in inside the panel) sees the unread badge rise when their specialist writes, opens the
 * panel, reads and answers in ConsultChat's own pages inside it, and the badge clears. The portal's
 * heavy styles leave the launcher alone, and only the sites named may frame the pages.
 */
class WidgetBrowserIT {

  /** The demo page names ConsultChat at the address run.sh starts it on. */
  private static final String DEMO_ADDRESS = "http://localhost:8080/consultchat/";

  private static HttpServer portal;
  private static String portalOrigin;

  @BeforeAll
  static void aPortalOnAnotherOrigin() throws IOException {
    String page =
        Files.readString(Path.of("..", "examples", "portal", "index.html"))
            .replace(DEMO_ADDRESS, TestServer.BASE_URL + "/");
    byte[] body = page.getBytes(UTF_8);
    portal = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    portal.createContext(
        "/",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    portal.start();
    // Another port of the same host: another origin, but the same site, as a portal and its
    // chat under one domain are; the session cookie goes with the frame's requests.
    portalOrigin = "http://localhost:" + portal.getAddress().getPort();
    Management.systemProperty("consultchat.widget.origins", portalOrigin);
  }

  @AfterAll
  static void portalGone() {
    Management.systemProperty("consultchat.widget.origins", null);
    if (portal != null) {
      portal.stop(0);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"phone, 390, 844", "desktop, 1280, 800"})
  void aPatientIsToldOfAnAnswerAndRepliesFromThePortal(String screen, int width, int height) {
    TakenConsultation consultation = TakenConsultation.create("Knee pain after running");
    // On the phone the person logs in inside the panel; at the desk they already were.
    boolean logInInThePanel = width < 480;
    try (Browser patient = new Browser("widget-" + screen, width, height);
        SocketClient staff = SocketClient.open(consultation.staff())) {
      if (!logInInThePanel) {
        patient.logIn(consultation.patient().username, WebClient.PATIENT_PASSWORD);
      }
      patient.driver.get(portalOrigin + "/");

      SearchContext widget =
          patient.waitUntil(
              d -> d.findElement(By.cssSelector("consultchat-widget")).getShadowRoot());
      // The frame answered the widget's hello: the launcher has its words from ConsultChat.
      WebElement launcher =
          patient.waitUntil(
              d -> {
                WebElement button = widget.findElement(By.cssSelector(".launcher"));
                return "Open messages".equals(button.getAttribute("aria-label")) ? button : null;
              });
      WebElement badge = widget.findElement(By.cssSelector(".badge"));
      WebElement panel = widget.findElement(By.cssSelector(".panel"));
      assertThat(badge.isDisplayed()).isFalse();
      if (logInInThePanel) {
        launcher.click();
        patient.waitUntil(d -> panel.isDisplayed() ? true : null);
        patient.driver.switchTo().frame(widget.findElement(By.cssSelector("iframe")));
        patient.type("#login\\:username", consultation.patient().username);
        patient.type("#login\\:password", WebClient.PATIENT_PASSWORD);
        patient.screenshot("widget-00-login-in-panel");
        patient.click("#login\\:submit");
        patient.find("#connection");
        patient.driver.switchTo().defaultContent();
        widget.findElement(By.cssSelector(".close")).click();
        patient.waitUntil(d -> panel.isDisplayed() ? null : true);
      }

      staff.send(consultation.conversation(), "Please rest the knee for a week.");
      staff.next("ack");
      patient.waitUntil(d -> badge.isDisplayed() && "1".equals(badge.getText()) ? true : null);
      assertThat(launcher.getAttribute("aria-label")).isEqualTo("Open messages (1 unread)");
      // The portal's rule paints its own buttons pink; the launcher keeps ConsultChat's blue.
      assertThat(
              patient
                  .driver
                  .findElement(By.cssSelector("main button"))
                  .getCssValue("background-color"))
          .isEqualTo("rgba(233, 30, 99, 1)");
      assertThat(launcher.getCssValue("background-color")).isEqualTo("rgba(24, 101, 200, 1)");
      patient.screenshot("widget-01-badge");

      launcher.click();
      patient.waitUntil(d -> panel.isDisplayed() ? true : null);
      assertThat(launcher.getAttribute("aria-expanded")).isEqualTo("true");
      patient.driver.switchTo().frame(widget.findElement(By.cssSelector("iframe")));
      patient.click("a.card-link[href*='id=" + consultation.id() + "']");
      patient.waitForText("#chat-messages", "rest the knee for a week");
      patient.find("#composer-input").sendKeys("Thank you, I will.", Keys.ENTER);
      assertThat(staff.next("message").getJsonObject("message").getString("body"))
          .isEqualTo("Thank you, I will.");
      patient.driver.switchTo().defaultContent();
      // Read inside the panel: the badge clears at the frame's next look.
      patient.waitUntil(d -> badge.isDisplayed() ? null : true);
      patient.screenshot("widget-02-chat-in-panel");

      widget.findElement(By.cssSelector(".close")).click();
      patient.waitUntil(d -> panel.isDisplayed() ? null : true);
      assertThat(launcher.getAttribute("aria-expanded")).isEqualTo("false");
    }
  }

  /**
   * A patient of the portal logs in with the portal's account (the provider the build started, see
   * SingleSignOnIT), asks, and answers the specialist from the widget on the portal's page; logging
   * out ends the portal's login too.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"phone, 390, 844", "desktop, 1280, 800"})
  void aPatientLoggedInThroughThePortalChatsInTheWidget(String screen, int width, int height) {
    SingleSignOnIT.providerIsUp();
    try (Browser patient = new Browser("widget-sso-" + screen, width, height)) {
      patient.open("/login.xhtml");
      patient.waitForText("#sign-on", "Log in with Example portal");
      patient.screenshot("widget-sso-00-login");
      patient.click("#sign-on");
      patient.type("#username", "pat.portal");
      patient.type("#password", "portal-patient-2026");
      patient.screenshot("widget-sso-01-provider");
      patient.click("#kc-login");
      patient.find("#ask\\:subject");
      patient.screenshot("widget-sso-02-home");

      String subject = "Itchy rash on both arms " + WebClient.unique("sso");
      patient.type("#ask\\:subject", subject);
      patient.click("#ask\\:submit");
      patient.waitForText("#chat-subject", subject);
      long consultation = Long.parseLong(patient.find("#chat").getAttribute("data-consultation"));
      WebClient staffMember = WebClient.newStaff();
      staffMember.take(consultation);
      long conversation = staffMember.conversationOf(consultation);

      try (SocketClient staff = SocketClient.open(staffMember)) {
        patient.driver.get(portalOrigin + "/");
        SearchContext widget =
            patient.waitUntil(
                d -> d.findElement(By.cssSelector("consultchat-widget")).getShadowRoot());
        WebElement launcher = widget.findElement(By.cssSelector(".launcher"));
        WebElement badge = widget.findElement(By.cssSelector(".badge"));
        staff.send(conversation, "Which cream have you used so far?");
        staff.next("ack");
        patient.waitUntil(d -> badge.isDisplayed() && "1".equals(badge.getText()) ? true : null);

        launcher.click();
        patient.driver.switchTo().frame(widget.findElement(By.cssSelector("iframe")));
        patient.click("a.card-link[href*='id=" + consultation + "']");
        patient.waitForText("#chat-messages", "Which cream have you used");
        patient.find("#composer-input").sendKeys("Only a moisturiser.", Keys.ENTER);
        assertThat(staff.next("message").getJsonObject("message").getString("body"))
            .isEqualTo("Only a moisturiser.");
        patient.driver.switchTo().defaultContent();
        patient.screenshot("widget-sso-03-chat-in-panel");
      }

      patient.open("/patient/home.xhtml");
      patient.logOut();
      patient.find("#login\\:username");
      patient.screenshot("widget-sso-04-logged-out");
      patient.click("#sign-on");
      // The portal's login ended with the chat's: its password page again, not a silent return.
      patient.find("#kc-login");
    }
  }

  @Test
  void onlyTheNamedSitesMayFrameAPatientsPagesAndTheBadgeIsACountOnly() {
    TakenConsultation consultation = TakenConsultation.create("Sore throat for three days");
    try (SocketClient staff = SocketClient.open(consultation.staff())) {
      staff.send(consultation.conversation(), "Do you have a fever?");
      staff.next("ack");
    }

    HttpResponse<String> home = consultation.patient().get("/patient/home.xhtml");
    assertThat(home.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(
            policy -> assertThat(policy).contains("frame-ancestors " + portalOrigin + ";"));
    assertThat(home.headers().firstValue("X-Frame-Options")).isEmpty();
    HttpResponse<String> queue = consultation.staff().get("/staff/queue.xhtml");
    assertThat(queue.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(policy -> assertThat(policy).contains("frame-ancestors 'none';"));
    assertThat(queue.headers().firstValue("X-Frame-Options")).hasValue("DENY");

    HttpResponse<String> unread = consultation.patient().get("/api/unread");
    assertThat(unread.statusCode()).isEqualTo(200);
    assertThat(unread.body()).isEqualTo("{\"unread\":1}");
    HttpResponse<String> anonymous = new WebClient("anonymous").get("/api/unread");
    assertThat(anonymous.uri().getPath()).endsWith("/login.xhtml");
    assertThat(anonymous.body()).doesNotStartWith("{");
  }
}
