package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AccountIT {

  private static final String WRONG = "Wrong username or password.";

  @Test
  void aPatientSignsUpAndLandsOnTheirHome() {
    WebClient patient = WebClient.newPatient();

    HttpResponse<String> home = patient.get("/index.xhtml");

    assertThat(home.uri().getPath()).endsWith("/patient/home.xhtml");
    assertThat(home.body()).contains("Ask a specialist", "Patient " + patient.username);
    assertThat(Database.accountsNamed(patient.username)).isEqualTo(1);
  }

  @Test
  void usernamesAreCaseInsensitiveAtLogin() {
    WebClient patient = WebClient.newPatient();
    WebClient again = new WebClient(patient.username);

    HttpResponse<String> home =
        again.login(patient.username.toUpperCase(), "a long enough password");

    assertThat(home.uri().getPath()).endsWith("/patient/home.xhtml");
  }

  @Test
  void aWrongPasswordAndAnUnknownUserGetTheSameAnswer() {
    WebClient patient = WebClient.newPatient();

    HttpResponse<String> wrongPassword =
        new WebClient("x").login(patient.username, "not the password at all");
    HttpResponse<String> unknownUser =
        new WebClient("y").login(WebClient.unique("nobody"), "not the password at all");

    assertThat(wrongPassword.uri().getPath()).endsWith("/login.xhtml");
    assertThat(wrongPassword.body()).contains(WRONG);
    assertThat(unknownUser.body()).contains(WRONG);
    assertThat(messageOf(wrongPassword)).isEqualTo(messageOf(unknownUser));
  }

  @Test
  void aTakenUsernameIsRefusedAndTheExistingAccountStaysAsItWas() {
    WebClient patient = WebClient.newPatient();

    HttpResponse<String> second =
        new WebClient("z").signUp(patient.username, "Impostor", "another long password");

    assertThat(second.body()).contains("That username is taken.");
    assertThat(Database.accountsNamed(patient.username)).isEqualTo(1);
    assertThat(
            Database.count(
                "select count(*) from account where username = ? and display_name = 'Impostor'",
                patient.username))
        .isZero();
  }

  @Test
  void aWeakPasswordIsRefusedAndNoAccountIsCreated() {
    String username = WebClient.unique("weak");

    HttpResponse<String> page = new WebClient(username).signUp(username, "Weak", "short");

    assertThat(page.body()).contains("The password is too weak: use at least 12 characters.");
    assertThat(Database.accountsNamed(username)).isZero();
  }

  @Test
  void passwordsAreStoredAsPbkdf2WithSha512AtAsvsStrength() {
    WebClient patient = WebClient.newPatient();

    assertThat(
            Database.count(
                "select count(*) from account where username = ?"
                    + " and password_hash like 'PBKDF2WithHmacSHA512:210000:%'",
                patient.username))
        .isEqualTo(1);
  }

  @Test
  void staffCreatedByTheAdministratorMustChooseTheirOwnPasswordFirst() {
    WebClient admin = WebClient.admin();
    String username = WebClient.unique("nurse");
    admin.submit(
        "/admin/accounts.xhtml",
        "staff",
        Map.of("username", username, "displayName", "Nurse Joy", "password", "initial password 1"),
        "submit");

    WebClient staff = new WebClient(username);
    HttpResponse<String> first = staff.login(username, "initial password 1");

    assertThat(first.uri().getPath()).endsWith("/account/password.xhtml");
    assertThat(staff.get("/staff/queue.xhtml").uri().getPath()).endsWith("/account/password.xhtml");
    assertThat(
            Database.count(
                "select count(*) from account where username = ? and role = 'STAFF'", username))
        .isEqualTo(1);
  }

  @Test
  void patientsCannotReachStaffOrAdministrationPages() {
    WebClient patient = WebClient.newPatient();

    assertThat(patient.get("/staff/queue.xhtml").statusCode()).isEqualTo(403);
    assertThat(patient.get("/admin/accounts.xhtml").statusCode()).isEqualTo(403);
  }

  @Test
  void pagesWithoutLoginSendToTheLoginPage() {
    HttpResponse<String> page = new WebClient("anonymous").get("/patient/home.xhtml");

    assertThat(page.uri().getPath()).endsWith("/login.xhtml");
  }

  @Test
  void afterLogoutTheSessionIsGone() {
    WebClient patient = WebClient.newPatient();

    patient.logout();

    assertThat(patient.get("/patient/home.xhtml").uri().getPath()).endsWith("/login.xhtml");
  }

  @Test
  void responsesCarryTheSecurityHeaders() {
    HttpResponse<String> page = new WebClient("anonymous").get("/login.xhtml");

    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(policy -> assertThat(policy).contains("frame-ancestors 'none'"));
    assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
  }

  private static String messageOf(HttpResponse<String> page) {
    return page.body().replaceAll("(?s).*class=\"ui-messages-error-summary\">([^<]*)<.*", "$1");
  }
}
