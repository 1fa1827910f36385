package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Logging in through the site's identity provider: a real Keycloak started by the build with the
 * example realm (examples/keycloak), the chat's sign-on module secured by WildFly's OpenID Connect
 * client. Accounts are made at the first login, roles come from the provider's claim, and logging
 * out of the chat ends the provider's login too.
 */
class SingleSignOnIT {

  private static final String KEYCLOAK =
      System.getProperty("it.keycloak.url", "http://localhost:8480");
  private static final String ISSUER = KEYCLOAK + "/realms/consultchat";
  private static final Pattern LOGOUT_FORM =
      Pattern.compile("<form[^>]*action=\"([^\"]*logout-confirm[^\"]*)\"");
  private static final Pattern SESSION_CODE =
      Pattern.compile("name=\"session_code\"[^>]*value=\"([^\"]+)\"");
  private static final Pattern LOGIN_FORM =
      Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

  @BeforeAll
  static void providerIsUp() {
    // Keycloak starts beside the test server; the first tests to need it wait for its realm.
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
    URI discovery = URI.create(ISSUER + "/.well-known/openid-configuration");
    while (true) {
      try {
        if (http.send(
                    HttpRequest.newBuilder(discovery).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("Keycloak did not serve " + discovery + " in 4 minutes");
      }
      LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
    }
  }

  @Test
  void aPatientOfThePortalGetsAnAccountAtTheFirstLoginAndTheSameOneAfter() {
    WebClient browser = new WebClient("pat.portal");
    String login = browser.get("/login.xhtml").body();
    assertThat(login).contains("id=\"sign-on\"").contains("Log in with Example portal");

    HttpResponse<String> home = portalLogin(browser, "pat.portal", "portal-patient-2026");
    assertThat(home.uri().getPath()).isEqualTo("/consultchat/patient/home.xhtml");
    assertThat(home.body()).contains("Pat Portal");
    long account = browser.accountId();
    assertThat(Database.text("select role from account where id = ?", account))
        .isEqualTo("PATIENT");
    assertThat(
            Database.count(
                "select count(*) from sso_link where account_id = ? and issuer = ?",
                account,
                ISSUER))
        .isEqualTo(1);
    assertThat(
            Database.count(
                "select count(*) from audit_event where action = 'ACCOUNT_CREATED' and target_id = ?",
                account))
        .isEqualTo(1);
    assertThat(Database.count("select count(*) from sso_ticket where account_id = ?", account))
        .as("the ticket was used up")
        .isZero();
    String settings = browser.get("/account/settings.xhtml").body();
    assertThat(settings)
        .contains("id=\"password-at-provider\"")
        .doesNotContain("id=\"password-link\"");

    browser.logout();
    WebClient again = new WebClient("pat.portal");
    assertThat(portalLogin(again, "pat.portal", "portal-patient-2026").uri().getPath())
        .isEqualTo("/consultchat/patient/home.xhtml");
    assertThat(again.accountId()).isEqualTo(account);
    assertThat(Database.count("select count(*) from sso_link where account_id = ?", account))
        .isEqualTo(1);
  }

  @Test
  void staffOfThePortalAreStaffHere() {
    WebClient browser = new WebClient("dr.portal");
    HttpResponse<String> home = portalLogin(browser, "dr.portal", "portal-staff-2026");
    assertThat(home.uri().getPath())
        .as("the provider's staff role gives the staff queue")
        .isEqualTo("/consultchat/staff/queue.xhtml");
    assertThat(Database.text("select role from account where username = 'dr.portal'"))
        .isEqualTo("STAFF");
  }

  @Test
  void loggingOutOfTheChatEndsTheProvidersLoginToo() {
    WebClient browser = new WebClient("pat.portal");
    portalLogin(browser, "pat.portal", "portal-patient-2026");

    HttpResponse<String> out = browser.logout();
    assertThat(out.uri().getPath()).isEqualTo("/consultchat/login.xhtml");
    assertThat(out.uri().getQuery()).isEqualTo("loggedOut=true");
    assertThat(browser.get("/patient/home.xhtml").uri().getPath())
        .isEqualTo("/consultchat/login.xhtml");

    HttpResponse<String> signOnAgain =
        send(browser.http, get(URI.create(TestServer.BASE_URL + "/sso/login")));
    assertThat(signOnAgain.uri().toString())
        .as("the provider asks for the password again: its login ended")
        .startsWith(ISSUER);
    assertThat(LOGIN_FORM.matcher(signOnAgain.body()).find()).isTrue();
  }

  @Test
  void loggingOutAtThePortalEndsTheChatSessionToo() {
    WebClient browser = new WebClient("dr.portal");
    portalLogin(browser, "dr.portal", "portal-staff-2026");
    assertThat(browser.get("/staff/queue.xhtml").uri().getPath())
        .isEqualTo("/consultchat/staff/queue.xhtml");

    // The portal's own logout: the provider asks to confirm, then tells every client of the login.
    HttpResponse<String> confirm =
        send(browser.http, get(URI.create(ISSUER + "/protocol/openid-connect/logout")));
    Matcher form = LOGOUT_FORM.matcher(confirm.body());
    assertThat(form.find()).as("the provider's logout confirmation").isTrue();
    Matcher code = SESSION_CODE.matcher(confirm.body());
    assertThat(code.find()).isTrue();
    HttpResponse<String> loggedOut =
        send(
            browser.http,
            HttpRequest.newBuilder(confirm.uri().resolve(form.group(1).replace("&amp;", "&")))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "session_code=" + code.group(1) + "&confirmLogout=Logout"))
                .build());
    assertThat(loggedOut.statusCode()).isEqualTo(200);

    // The provider calls the chat before it answers; the chat ends the session at once.
    assertThat(browser.get("/staff/queue.xhtml").uri().getPath())
        .as("the chat session ended with the portal's")
        .isEqualTo("/consultchat/login.xhtml");
  }

  @Test
  void aForgedOrMissingLogoutTokenEndsNothing() {
    WebClient browser = new WebClient("pat.portal");
    portalLogin(browser, "pat.portal", "portal-patient-2026");
    for (String body :
        new String[] {"", "logout_token=not-a-token", "logout_token=eyJhbGciOiJub25lIn0.e30."}) {
      HttpResponse<String> answer =
          send(
              browser.http,
              HttpRequest.newBuilder(URI.create(TestServer.BASE_URL + "/sso/backchannel-logout"))
                  .version(HttpClient.Version.HTTP_1_1)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build());
      assertThat(answer.statusCode()).as(body).isEqualTo(400);
    }
    assertThat(browser.get("/patient/home.xhtml").uri().getPath())
        .isEqualTo("/consultchat/patient/home.xhtml");
  }

  @Test
  void theTicketTravelsInACookieNotInTheAddressAndLogsInOnce() {
    WebClient browser = new WebClient("pat.portal");
    // Step by step to the chat's arrival page, which this test then opens itself.
    HttpClient stepwise =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(browser.http.cookieHandler().orElseThrow())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    HttpResponse<String> step =
        submitProviderLogin(browser, stepwise, "pat.portal", "portal-patient-2026");
    while (step.statusCode() / 100 == 3
        && !step.headers().firstValue("Location").orElse("").contains("/signed-on.xhtml")) {
      step =
          send(
              stepwise,
              get(step.uri().resolve(step.headers().firstValue("Location").orElseThrow())));
    }
    String arrival =
        step.uri().resolve(step.headers().firstValue("Location").orElseThrow()).toString();
    assertThat(arrival).as("no ticket in the address").endsWith("/consultchat/signed-on.xhtml");
    HttpCookie ticket =
        ((CookieManager) browser.http.cookieHandler().orElseThrow())
            .getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals("CONSULTCHAT_SIGN_ON"))
                .findFirst()
                .orElseThrow();
    assertThat(ticket.isHttpOnly()).isTrue();
    assertThat(ticket.getMaxAge()).isPositive().isLessThanOrEqualTo(60);

    WebClient stranger = new WebClient("stranger");
    assertThat(stranger.get("/signed-on.xhtml").body())
        .as("without the cookie nobody is logged in")
        .contains("id=\"sign-on-failed\"");

    HttpResponse<String> home = send(browser.http, get(URI.create(arrival)));
    assertThat(home.uri().getPath()).isEqualTo("/consultchat/patient/home.xhtml");

    HttpRequest replay =
        HttpRequest.newBuilder(URI.create(arrival))
            .version(HttpClient.Version.HTTP_1_1)
            .header("Cookie", "CONSULTCHAT_SIGN_ON=" + ticket.getValue())
            .build();
    HttpResponse<String> again = send(stranger.http, replay);
    assertThat(again.uri().getPath())
        .as("a ticket works once")
        .isEqualTo("/consultchat/login.xhtml");
    assertThat(stranger.get("/patient/home.xhtml").uri().getPath())
        .isEqualTo("/consultchat/login.xhtml");
  }

  @Test
  void anAccountDisabledHereCannotComeBackThroughThePortal() {
    WebClient first = new WebClient("lee.portal");
    portalLogin(first, "lee.portal", "portal-leaver-2026");
    long account = first.accountId();
    first.logout();
    // As the accounts page does it; the page itself is AccountAdminIT's subject.
    Database.execute("update account set status = 'DISABLED' where id = ?", account);

    WebClient again = new WebClient("lee.portal");
    HttpResponse<String> refused = portalLogin(again, "lee.portal", "portal-leaver-2026");
    assertThat(refused.uri().getPath()).isEqualTo("/consultchat/login.xhtml");
    assertThat(refused.body()).contains("id=\"sign-on-refused\"");
    assertThat(again.get("/patient/home.xhtml").uri().getPath())
        .isEqualTo("/consultchat/login.xhtml");
  }

  /**
   * Presses the login page's button, logs in on the provider's own page and follows the browser's
   * way back; returns the page the person lands on.
   */
  private static HttpResponse<String> portalLogin(
      WebClient browser, String username, String password) {
    return submitProviderLogin(browser, browser.http, username, password);
  }

  /** As far as the provider's answer to its login form, sent with {@code http}. */
  private static HttpResponse<String> submitProviderLogin(
      WebClient browser, HttpClient http, String username, String password) {
    HttpResponse<String> providerPage =
        send(browser.http, get(URI.create(TestServer.BASE_URL + "/sso/login")));
    assertThat(providerPage.uri().toString()).startsWith(ISSUER);
    Matcher form = LOGIN_FORM.matcher(providerPage.body());
    assertThat(form.find()).as("the provider's login form").isTrue();
    String action = form.group(1).replace("&amp;", "&");
    String body =
        "username="
            + URLEncoder.encode(username, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&credentialId=";
    return send(
        http,
        HttpRequest.newBuilder(URI.create(action))
            .version(HttpClient.Version.HTTP_1_1)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /**
   * Keycloak marks its cookies Secure even on plain http at localhost, which browsers take for a
   * secure context and the JDK's cookie manager does not: without this it would never send them
   * back, and the provider would answer every step with "cookie not found".
   */
  private static void plainHttpCookies(HttpClient http) {
    http.cookieHandler()
        .map(CookieManager.class::cast)
        .ifPresent(
            cookies ->
                cookies.getCookieStore().getCookies().forEach(cookie -> cookie.setSecure(false)));
  }

  private static HttpRequest get(URI address) {
    return HttpRequest.newBuilder(address).version(HttpClient.Version.HTTP_1_1).GET().build();
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      plainHttpCookies(http);
      return response;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
