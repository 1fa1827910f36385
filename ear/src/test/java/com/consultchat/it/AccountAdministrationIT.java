package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The administrator's account actions through the account page, each with its audit row: disable
 * (sockets and session ended at once, login refused, consultations handed on), enable, password
 * reset (the one-time password forces a change), role change, and the guard against disabling
 * oneself.
 */
class AccountAdministrationIT {

  private static final Pattern ONE_TIME = Pattern.compile("id=\"one-time-value\">([^<]+)</code>");

  @Test
  void disablingEndsSocketsAndSessionAtOnceAndRefusesLoginUntilEnabled() {
    WebClient patient = WebClient.newPatient();
    long id = accountId(patient.username);
    try (SocketClient socket = SocketClient.open(patient)) {
      WebClient admin = WebClient.admin();
      String session = patient.sessionId();
      assertThat(Management.sessionIds()).contains(session);

      HttpResponse<String> done = act(admin, id, "disable", Map.of());

      assertThat(done.body()).contains("Disabled Patient " + patient.username);
      assertThat(socket.awaitClose()).isEqualTo(1008);
      assertThat(socket.closeReason()).isEqualTo("account-disabled");
      // Ended by the disable itself, not only refused at its next request.
      Await.until(
          "the session ended",
          Duration.ofSeconds(10),
          () -> !Management.sessionIds().contains(session));
      assertThat(patient.get("/patient/home.xhtml").uri().getPath()).endsWith("/login.xhtml");
      assertThat(audited("ACCOUNT_DISABLED", patient.username)).isEqualTo(1);

      String refused = patient.login(patient.username, "a long enough password").body();
      assertThat(refused).contains("This account is disabled");
      String wrong = patient.login(patient.username, "not the password at all").body();
      assertThat(wrong).contains("Wrong username or password.").doesNotContain("disabled");

      assertThat(act(admin, id, "enable", Map.of()).body()).contains("they can log in again");
      assertThat(audited("ACCOUNT_ENABLED", patient.username)).isEqualTo(1);
      HttpResponse<String> back = patient.login(patient.username, "a long enough password");
      assertThat(back.uri().getPath()).endsWith("/patient/home.xhtml");
    }
  }

  @Test
  void aSessionLoggedInBeforeTheDisableIsRefusedEvenIfThisNodeDidNotEndIt() {
    WebClient patient = WebClient.newPatient();
    try (SocketClient socket = SocketClient.open(patient)) {
      // As another node would: the account is disabled in the database, no event reaches this
      // node; its sweep or the next request's standing check ends the login.
      Database.execute(
          "update account set status = 'DISABLED', logins_valid_from = now() where username = ?",
          patient.username);
      Await.until(
          "the session refused",
          Duration.ofSeconds(15),
          () -> patient.get("/patient/home.xhtml").uri().getPath().endsWith("/login.xhtml"));
      assertThat(socket.awaitClose()).isEqualTo(1008);
    }
  }

  @Test
  void aDisabledSpecialistsConsultationsGoBackToTheQueueOrToTheChosenColleague() {
    TakenConsultation toQueue = TakenConsultation.create("Back to the queue");
    WebClient admin = WebClient.admin();
    act(admin, accountId(toQueue.staff().username), "disable", Map.of("disable:handTo", "queue"));
    assertThat(Database.status(toQueue.id())).isEqualTo("TRANSFERRED");
    assertThat(
            Database.count(
                "select count(*) from consultation where id = ? and staff_id is null",
                toQueue.id()))
        .isEqualTo(1);

    TakenConsultation toColleague = TakenConsultation.create("To a colleague");
    WebClient colleague = WebClient.newStaff();
    long colleagueId = accountId(colleague.username);
    act(
        admin,
        accountId(toColleague.staff().username),
        "disable",
        Map.of("disable:handTo", String.valueOf(colleagueId)));
    assertThat(
            Database.count(
                "select count(*) from consultation where id = ? and staff_id = ?",
                toColleague.id(),
                colleagueId))
        .isEqualTo(1);
    assertThat(colleague.get(toColleague.chatPath()).statusCode()).isEqualTo(200);
  }

  @Test
  void aResetPasswordIsShownOnceEndsTheSessionAndMustBeChangedAtFirstLogin() {
    WebClient staff = WebClient.newStaff();
    long id = accountId(staff.username);
    WebClient admin = WebClient.admin();

    HttpResponse<String> reset = act(admin, id, "reset", Map.of());
    Matcher shown = ONE_TIME.matcher(reset.body());
    assertThat(shown.find()).isTrue();
    String oneTime = shown.group(1);
    assertThat(audited("PASSWORD_RESET", staff.username)).isEqualTo(1);
    assertThat(
            Database.count(
                "select count(*) from audit_event where detail like ?", "%" + oneTime + "%"))
        .isZero();
    assertThat(admin.get("/admin/account.xhtml?id=" + id).body()).doesNotContain(oneTime);
    assertThat(staff.get("/staff/queue.xhtml").uri().getPath()).endsWith("/login.xhtml");

    assertThat(staff.login(staff.username, "a personal password").body())
        .contains("Wrong username or password.");
    HttpResponse<String> first = staff.login(staff.username, oneTime);
    assertThat(first.uri().getPath()).endsWith("/account/password.xhtml");
    assertThat(staff.get("/staff/queue.xhtml").uri().getPath()).endsWith("/account/password.xhtml");
  }

  @Test
  void aRoleChangeEndsTheSessionAndTheNextLoginHasTheNewRole() {
    WebClient patient = WebClient.newPatient();
    long id = accountId(patient.username);
    WebClient admin = WebClient.admin();

    HttpResponse<String> done = act(admin, id, "role", Map.of("role:newRole", "STAFF"));

    assertThat(done.body()).contains("to staff");
    assertThat(audited("ACCOUNT_ROLE_CHANGED", patient.username)).isEqualTo(1);
    assertThat(patient.get("/patient/home.xhtml").uri().getPath()).endsWith("/login.xhtml");
    patient.login(patient.username, "a long enough password");
    assertThat(patient.get("/staff/queue.xhtml").statusCode()).isEqualTo(200);
    assertThat(patient.get("/patient/home.xhtml").statusCode()).isEqualTo(403);
  }

  @Test
  void anAdministratorCannotDisableOrDemoteThemselves() {
    WebClient admin = WebClient.admin();
    long self = accountId("admin");
    String page = admin.get("/admin/account.xhtml?id=" + self).body();
    assertThat(page).contains("This is your own").doesNotContain("<form id=\"disable\"");
    assertThat(page).doesNotContain("<form id=\"role\"");
    // A forged post of the disable form changes nothing either.
    act(admin, self, "disable", Map.of());
    assertThat(
            Database.count("select count(*) from account where id = ? and status = 'ACTIVE'", self))
        .isEqualTo(1);
  }

  @Test
  void creatingStaffIsAuditedAndTheListFindsAccountsByNameRoleAndStatus() {
    WebClient staff = WebClient.newStaff();
    assertThat(audited("ACCOUNT_CREATED", staff.username)).isEqualTo(1);
    WebClient admin = WebClient.admin();
    String found = admin.get("/admin/accounts.xhtml?q=" + staff.username + "&role=STAFF").body();
    assertThat(found).contains(staff.username).contains("id=\"account-count\">1<");
    String none =
        admin.get("/admin/accounts.xhtml?q=" + staff.username + "&status=DISABLED").body();
    assertThat(none).doesNotContain(">" + staff.username + "<");
    assertThat(admin.get("/admin/account.xhtml?id=999999999").statusCode()).isEqualTo(404);
  }

  /** Posts one of the account page's forms, with its hidden id, as its confirmed button would. */
  private static HttpResponse<String> act(
      WebClient admin, long id, String form, Map<String, String> fields) {
    HttpResponse<String> page = admin.get("/admin/account.xhtml?id=" + id);
    Map<String, String> values = new LinkedHashMap<>(fields);
    values.put("id", String.valueOf(id));
    values.put(form + ":submit", "");
    return admin.postForm(page, form, values);
  }

  private static long accountId(String username) {
    return Database.count("select id from account where username = ?", username);
  }

  private static long audited(String action, String username) {
    return Database.count(
        "select count(*) from audit_event e join account a on a.id = e.target_id"
            + " where e.action = ? and a.username = ?",
        action,
        username);
  }
}
