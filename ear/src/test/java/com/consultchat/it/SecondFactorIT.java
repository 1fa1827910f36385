package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Two-step login as a person sets it up with an authenticator app, logs in with it, and falls back
 * to a recovery code; and as a clinic requires it of staff.
 */
class SecondFactorIT {

  private static final String PATIENT_PASSWORD = "a long enough password";
  private static final Pattern SECRET = Pattern.compile("id=\"secret\"[^>]*>([A-Z2-7 ]+)<");
  private static final Pattern RECOVERY = Pattern.compile("<code>([a-z2-9]{5}-[a-z2-9]{5})</code>");

  @Test
  void aPatientSetsItUpThenLogsInWithTheAppsCodeOrARecoveryCodeEachOnce() {
    WebClient patient = WebClient.newPatient();
    Enrolled enrolled = enrol(patient);
    assertThat(enrolled.recoveryCodes()).hasSize(10).doesNotHaveDuplicates();
    assertThat(audited("SECOND_FACTOR_ENABLED", patient.username)).isEqualTo(1);

    WebClient again = new WebClient(patient.username);
    HttpResponse<String> half = again.login(patient.username, PATIENT_PASSWORD);
    assertThat(half.uri().getPath()).endsWith("/login-code.xhtml");
    // The password alone opens nothing.
    assertThat(again.get("/patient/home.xhtml").uri().getPath()).endsWith("/login.xhtml");

    HttpResponse<String> wrong = enterCode(again, wrongCode(enrolled));
    assertThat(wrong.body()).contains("That code is not right");
    assertThat(audited("LOGIN_CODE_FAILED", patient.username)).isEqualTo(1);

    // The next step's code: the one of this step may have been spent confirming.
    String code = code(enrolled, 1);
    HttpResponse<String> in = enterCode(again, code);
    assertThat(in.uri().getPath()).endsWith("/patient/home.xhtml");

    // The same code a second time, from another browser, is spent.
    WebClient replay = new WebClient(patient.username);
    replay.login(patient.username, PATIENT_PASSWORD);
    assertThat(enterCode(replay, code).uri().getPath()).endsWith("/login-code.xhtml");

    String recovery = enrolled.recoveryCodes().get(3);
    WebClient lostPhone = new WebClient(patient.username);
    lostPhone.login(patient.username, PATIENT_PASSWORD);
    assertThat(enterCode(lostPhone, recovery.toUpperCase(Locale.ROOT)).uri().getPath())
        .endsWith("/patient/home.xhtml");
    assertThat(audited("LOGIN_RECOVERY_CODE_USED", patient.username)).isEqualTo(1);

    WebClient secondUse = new WebClient(patient.username);
    secondUse.login(patient.username, PATIENT_PASSWORD);
    assertThat(enterCode(secondUse, recovery).body()).contains("That code is not right");
  }

  @Test
  void anAdministratorRemovesALostSecondFactorAndThePasswordAloneLogsInAgain() {
    WebClient patient = WebClient.newPatient();
    enrol(patient);
    WebClient admin = WebClient.admin();
    HttpResponse<String> accounts = admin.get("/admin/accounts.xhtml");
    Matcher form =
        Pattern.compile(
                Pattern.quote(patient.username) + ".*?<form id=\"(accounts:\\d+:two-step)\"",
                Pattern.DOTALL)
            .matcher(accounts.body());
    assertThat(form.find()).as("the two-step form of the patient's row").isTrue();
    HttpResponse<String> removed =
        admin.postForm(accounts, form.group(1), Map.of(form.group(1) + ":remove", ""));
    assertThat(removed.body()).contains("Two-step login removed");
    assertThat(audited("SECOND_FACTOR_RESET", patient.username)).isEqualTo(1);

    WebClient again = new WebClient(patient.username);
    assertThat(again.login(patient.username, PATIENT_PASSWORD).uri().getPath())
        .endsWith("/patient/home.xhtml");
  }

  @Test
  void theCodePageWithoutAPasswordJustCheckedSendsBackToTheLogin() {
    WebClient stranger = new WebClient("nobody");
    HttpResponse<String> page = stranger.get("/login-code.xhtml");
    assertThat(page.uri().getPath()).endsWith("/login.xhtml");
    assertThat(page.uri().getQuery()).contains("codeExpired=true");
  }

  @Test
  void aClinicThatRequiresItSendsStaffToSetItUpAndOpensNothingElseUntilThen() {
    WebClient staff = WebClient.newStaff();
    Management.systemProperty("consultchat.second.factor.required", "true");
    try {
      WebClient next = new WebClient(staff.username);
      HttpResponse<String> landed = next.login(staff.username, "a personal password");
      assertThat(landed.uri().getPath()).endsWith("/account/two-step.xhtml");
      assertThat(landed.body()).contains("This clinic asks staff");
      assertThat(next.get("/staff/queue.xhtml").uri().getPath())
          .endsWith("/account/two-step.xhtml");
      HttpResponse<String> api = next.postFrames("[]", TestServer.ORIGIN);
      assertThat(api.statusCode()).isEqualTo(403);
      assertThat(api.body()).contains("two-step login");

      enrol(next);
      assertThat(next.get("/staff/queue.xhtml").uri().getPath()).endsWith("/staff/queue.xhtml");
      assertThat(next.postFrames("[]", TestServer.ORIGIN).statusCode()).isEqualTo(200);
      // Required, so it cannot be switched off.
      assertThat(next.get("/account/two-step.xhtml").body()).doesNotContain("disable-form");
    } finally {
      Management.systemProperty("consultchat.second.factor.required", null);
    }
  }

  private record Enrolled(String secret, List<String> recoveryCodes) {}

  /** Scans the page's secret as an app would, and confirms with the app's current code. */
  private Enrolled enrol(WebClient person) {
    HttpResponse<String> page = person.get("/account/two-step.xhtml");
    Matcher secret = SECRET.matcher(page.body());
    assertThat(secret.find()).as("the secret on the set-up page").isTrue();
    String key = secret.group(1).replace(" ", "");
    assertThat(page.body()).contains("src=\"data:image/svg+xml;base64,");
    HttpResponse<String> confirmed =
        person.postForm(
            page,
            "confirm-form",
            Map.of("confirm-form:code", code(key, Instant.now()), "confirm-form:confirm", ""));
    List<String> codes = new ArrayList<>();
    Matcher recovery = RECOVERY.matcher(confirmed.body());
    while (recovery.find()) {
      codes.add(recovery.group(1));
    }
    return new Enrolled(key, codes);
  }

  private static HttpResponse<String> enterCode(WebClient person, String code) {
    return person.submit("/login-code.xhtml", "code-form", Map.of("code", code), "submit");
  }

  /** Six digits that are none of the codes the server accepts now. */
  private String wrongCode(Enrolled enrolled) {
    List<String> near =
        List.of(code(enrolled, -1), code(enrolled, 0), code(enrolled, 1), code(enrolled, 2));
    for (int candidate = 0; ; candidate++) {
      String wrong = String.format(Locale.ROOT, "%06d", candidate);
      if (!near.contains(wrong)) {
        return wrong;
      }
    }
  }

  /** The app's code {@code steps} steps from now. */
  private String code(Enrolled enrolled, int steps) {
    return code(enrolled.secret(), Instant.now().plusSeconds(30L * steps));
  }

  private static String code(String secret, Instant at) {
    return AuthenticatorApp.code(secret, at);
  }

  private static long audited(String action, String username) {
    return Database.count(
        "select count(*) from audit_event e join account a on a.id = e.target_id"
            + " where e.action = ? and a.username = ?",
        action,
        username);
  }
}
