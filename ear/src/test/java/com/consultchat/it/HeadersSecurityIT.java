package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Finding 5: the session cookie lacked SameSite, the policy let scripts connect to any socket host,
 * and another site's page could make a logged-in browser download a transcript (writing an audit
 * row) or post frames.
 */
class HeadersSecurityIT {

  @Test
  void theSessionCookieIsHttpOnlyAndSameSiteLax() throws Exception {
    HttpResponse<String> page =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(TestServer.BASE_URL + "/login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());

    List<String> cookies = page.headers().allValues("Set-Cookie");
    assertThat(cookies).anySatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID="));
    assertThat(cookies)
        .filteredOn(cookie -> cookie.startsWith("JSESSIONID="))
        .allSatisfy(
            cookie ->
                assertThat(cookie.toLowerCase())
                    .contains("samesite=lax", "httponly")
                    .doesNotContain("secure"));
    assertThat(page.headers().firstValue("Strict-Transport-Security"))
        .as("no HSTS on a plain-HTTP deployment")
        .isEmpty();
  }

  @Test
  void scriptsMayConnectOnlyToThisServer() {
    HttpResponse<String> page = new WebClient("csp").get("/login.xhtml");

    List<String> policies = page.headers().allValues("Content-Security-Policy");
    assertThat(policies).as("one policy, not two that would add up").hasSize(1);
    String policy = policies.get(0);
    String host = URI.create(TestServer.BASE_URL).getAuthority();
    assertThat(policy).contains("connect-src 'self' ws://" + host + ";");
    assertThat(policy).doesNotContain(" ws: ", " wss: ", " ws:;", " wss:;");
    // Scripts from this server and PrimeFaces' own, by nonce: nothing inline, nothing evaluated.
    assertThat(policy).containsPattern("script-src 'self' 'nonce-[A-Za-z0-9+/=_-]+'");
    assertThat(policy).doesNotContain("unsafe-inline' 'unsafe-eval", "script-src 'self' 'unsafe");
    String nonce = policy.replaceAll(".*'nonce-([^']+)'.*", "$1");
    assertThat(page.body()).contains("nonce=\"" + nonce + "\"");

    HttpResponse<String> script = new WebClient("csp").get("/js/app.js");
    String scriptPolicy = script.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(scriptPolicy).endsWith("script-src 'self'").doesNotContain("unsafe-eval");
  }

  @Test
  void aTranscriptDownloadFromAnotherSiteIsRefusedAndNotAudited() throws Exception {
    TakenConsultation consultation = TakenConsultation.create("Cross-site check");
    WebClient patient = consultation.patient();
    String pdf = "/api/transcripts/" + consultation.id() + ".pdf";
    long before = downloads(patient.username);

    HttpResponse<String> crossSite = get(patient, pdf, Map.of("Sec-Fetch-Site", "cross-site"));
    HttpResponse<String> sameSite = get(patient, pdf, Map.of("Sec-Fetch-Site", "same-site"));
    HttpResponse<String> foreignOrigin =
        get(patient, pdf, Map.of("Origin", "https://attacker.example"));

    assertThat(List.of(crossSite.statusCode(), sameSite.statusCode(), foreignOrigin.statusCode()))
        .containsOnly(403);
    assertThat(crossSite.body()).contains("Requests from other sites are not accepted.");
    assertThat(downloads(patient.username)).isEqualTo(before);

    HttpResponse<String> ownPage = get(patient, pdf, Map.of("Sec-Fetch-Site", "same-origin"));
    HttpResponse<String> typedIn = get(patient, pdf, Map.of("Sec-Fetch-Site", "none"));
    assertThat(ownPage.statusCode()).isEqualTo(200);
    assertThat(typedIn.statusCode()).isEqualTo(200);
    assertThat(downloads(patient.username)).isEqualTo(before + 2);
  }

  @Test
  void framesPostedFromAnotherSiteAreRefusedAndNotStored() throws Exception {
    TakenConsultation consultation = TakenConsultation.create("Cross-site frames");
    WebClient patient = consultation.patient();
    long before = Database.messagesIn(consultation.conversation());
    String frames =
        "[{\"type\":\"send\",\"conversation\":"
            + consultation.conversation()
            + ",\"clientId\":\""
            + UUID.randomUUID()
            + "\",\"body\":\"sent by another site\"}]";

    HttpResponse<String> refused =
        patient.http.send(
            HttpRequest.newBuilder(URI.create(patient.base + "/api/frames"))
                .header("Content-Type", "application/json")
                .header("Sec-Fetch-Site", "cross-site")
                .header("Origin", TestServer.ORIGIN)
                .POST(HttpRequest.BodyPublishers.ofString(frames))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(Database.messagesIn(consultation.conversation())).isEqualTo(before);
  }

  @Test
  void aLoginFormPostedFromAnotherSiteIsRefused() throws Exception {
    WebClient victim = new WebClient("victim");
    HttpResponse<String> page = victim.get("/login.xhtml");
    String viewState =
        page.body()
            .replaceAll("(?s).*name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\".*", "$1");
    // The login page keeps no view state in the session, so this filter is the login form's guard.
    assertThat(viewState).isEqualTo("stateless");

    HttpResponse<String> answer =
        victim.http.send(
            HttpRequest.newBuilder(page.uri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Sec-Fetch-Site", "cross-site")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "login=login&login%3Ausername=admin&login%3Apassword="
                            + TestServer.ADMIN_PASSWORD
                            + "&login%3Asubmit=&jakarta.faces.ViewState="
                            + java.net.URLEncoder.encode(
                                viewState, java.nio.charset.StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(victim.get("/index.xhtml").uri().getPath()).endsWith("/login.xhtml");
  }

  private static HttpResponse<String> get(
      WebClient client, String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.base + path)).GET();
    headers.forEach(request::header);
    return client.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static long downloads(String username) {
    return Database.count(
        "select count(*) from audit_event where actor_username = ?"
            + " and action = 'TRANSCRIPT_DOWNLOADED'",
        username);
  }
}
