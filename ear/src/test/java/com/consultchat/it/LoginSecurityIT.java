package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Finding 1 of the security review: logins could be guessed without limit, their time told who has
 * an account, and a flood of them took the server's threads. The test server locks after 5 failures
 * (the default is 10) and hashes on one thread with a queue of 8.
 */
class LoginSecurityIT {

  private static final String PASSWORD = "a long enough password";
  private static final String WRONG = "Wrong username or password.";
  private static final String WAIT = "Too many failed logins. Please wait";
  private static final String LOCKED = "Too many failed logins: logging in is locked for";
  private static final String BUSY = "The server is busy checking other logins.";

  @Test
  void afterAWrongPasswordAProtectedPageSendsToTheLoginNotToAnEmptyPage() {
    WebClient patient = WebClient.newPatient();
    WebClient typo = new WebClient(patient.username);
    assertThat(messageOf(typo.login(patient.username, "not the password"))).isEqualTo(WRONG);

    HttpResponse<String> home = typo.get("/patient/home.xhtml");
    assertThat(home.uri().getPath()).endsWith("/login.xhtml");
    assertThat(home.body()).contains("Log in");
    assertThat(typo.login(patient.username, PASSWORD).uri().getPath())
        .endsWith("/patient/home.xhtml");
  }

  @Test
  void failuresAreDelayedThenLockTheAccountUntilAnAdministratorUnlocksIt() {
    WebClient patient = WebClient.newPatient();
    WebClient attacker = new WebClient("attacker");

    for (int i = 0; i < 4; i++) {
      assertThat(messageOf(attacker.login(patient.username, "guess number " + i))).isEqualTo(WRONG);
    }
    assertThat(messageOf(attacker.login(patient.username, "too soon"))).startsWith(WAIT);
    failOnceAllowed(attacker, patient.username);
    assertThat(messageOf(attacker.login(patient.username, PASSWORD))).startsWith(LOCKED);
    assertThat(new WebClient("owner").login(patient.username, PASSWORD).uri().getPath())
        .endsWith("/login.xhtml");
    assertThat(auditCount(patient.username, "LOGIN_FAILED")).isEqualTo(5);
    assertThat(auditCount(patient.username, "LOGIN_LOCKED_OUT")).isEqualTo(1);

    WebClient admin = WebClient.admin();
    HttpResponse<String> accounts = admin.get("/admin/accounts.xhtml");
    assertThat(accounts.body()).contains("Locked logins", patient.username);
    HttpResponse<String> unlocked =
        admin.press(
            "/admin/accounts.xhtml",
            "lockouts",
            "data-account=\"" + accountId(patient.username) + "\"",
            "unlock",
            Map.of());

    assertThat(unlocked.body()).contains("Unlocked: the account can log in again.");
    assertThat(
            Database.count(
                "select count(*) from audit_event where action = 'LOGIN_UNLOCKED'"
                    + " and actor_username = 'admin' and target_id = ?"
                    + " and client_address = '127.0.0.1'",
                accountId(patient.username)))
        .isEqualTo(1);
    HttpResponse<String> home = new WebClient("owner").login(patient.username, PASSWORD);
    assertThat(home.uri().getPath()).endsWith("/patient/home.xhtml");
    assertThat(auditCount(patient.username, "LOGIN_SUCCEEDED")).isGreaterThanOrEqualTo(2);
  }

  @Test
  void anUnknownUsernameIsAnsweredExactlyAsAKnownOneThroughToTheLockout() {
    WebClient patient = WebClient.newPatient();
    String nobody = WebClient.unique("nobody");
    WebClient attacker = new WebClient("attacker");

    List<String> known = answersUntilLocked(attacker, patient.username);
    List<String> unknown = answersUntilLocked(attacker, nobody);

    assertThat(unknown).isEqualTo(known);
    assertThat(known.get(5)).startsWith(LOCKED);
    assertThat(
            Database.count(
                "select count(*) from audit_event where action = 'LOGIN_FAILED'"
                    + " and actor_id is null and detail = 'unknown username'"
                    + " and client_address = '127.0.0.1' and occurred_at > now() - interval '2 minutes'"))
        .isGreaterThanOrEqualTo(5);
  }

  @Test
  void anUnknownUsernameTakesAboutAsLongAsAWrongPasswordForAKnownOne() {
    List<Long> known = new ArrayList<>();
    List<Long> unknown = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      WebClient patient = WebClient.newPatient();
      for (int i = 0; i < 2; i++) {
        known.add(timedWrongLogin(patient.username));
        unknown.add(timedWrongLogin(WebClient.unique("nobody")));
      }
    }

    long knownMedian = median(known);
    long unknownMedian = median(unknown);
    assertThat(unknownMedian)
        .as("median ms, unknown %s vs known %s", unknown, known)
        .isBetween(knownMedian / 2, knownMedian * 2);
  }

  @Test
  void aLoginFloodIsBoundedAndAnsweredWhileASocketKeepsAnsweringPings() throws Exception {
    WebClient patient = WebClient.newPatient();
    SocketClient socket = SocketClient.open(patient);
    ExecutorService flood = Executors.newFixedThreadPool(32);
    List<CompletableFuture<String>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 32; i++) {
        answers.add(
            CompletableFuture.supplyAsync(
                () -> messageOf(new WebClient("x").login(WebClient.unique("flood"), "no such")),
                flood));
      }
      List<Long> pings = new ArrayList<>();
      while (!answers.stream().allMatch(CompletableFuture::isDone)) {
        long start = System.nanoTime();
        socket.sendFrame(Map.of("type", "ping"));
        socket.next("pong");
        pings.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
      }
      List<String> messages = answers.stream().map(answer -> answer.join()).toList();

      assertThat(messages).allMatch(m -> m.equals(WRONG) || m.startsWith(BUSY));
      assertThat(messages).anyMatch(m -> m.startsWith(BUSY));
      assertThat(messages).contains(WRONG);
      Collections.sort(pings);
      assertThat(pings.get(pings.size() - 1))
          .as("slowest ping during the flood, ms, of %s", pings)
          .isLessThan(2_000);
    } finally {
      flood.shutdownNow();
      socket.close();
    }
  }

  @Test
  void commonPasswordsAreRefusedAtSignUpAndAtPasswordChangeSayingWhy() {
    String username = WebClient.unique("weak");
    HttpResponse<String> signUp = new WebClient(username).signUp(username, "Weak", "Password123!");

    assertThat(messageOf(signUp))
        .startsWith("The password is too easy to guess.")
        .contains("common password");
    assertThat(Database.accountsNamed(username)).isZero();

    WebClient patient = WebClient.newPatient();
    HttpResponse<String> change =
        patient.submit(
            "/account/password.xhtml",
            "password",
            Map.of(
                "current", PASSWORD,
                "replacement", "qwertyuiop123",
                "confirmation", "qwertyuiop123"),
            "submit");

    assertThat(messageOf(change)).startsWith("The password is too easy to guess.");
    assertThat(new WebClient("again").login(patient.username, PASSWORD).uri().getPath())
        .endsWith("/patient/home.xhtml");
  }

  /** Four wrong passwords, one too soon, the fifth failure after the wait, then the lockout. */
  private static List<String> answersUntilLocked(WebClient attacker, String username) {
    List<String> answers = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      answers.add(messageOf(attacker.login(username, "guess number " + i)));
    }
    answers.add(messageOf(attacker.login(username, "too soon")).replaceAll("\\d+", "N"));
    failOnceAllowed(attacker, username);
    answers.add(messageOf(attacker.login(username, "locked")).replaceAll("\\d+", "N"));
    return answers;
  }

  /** Waits out the delay, then fails once more: an attempt during the delay is not checked. */
  private static void failOnceAllowed(WebClient attacker, String username) {
    Await.until(
        "the delay to pass",
        Duration.ofSeconds(10),
        () -> !messageOf(attacker.login(username, "one more guess")).startsWith(WAIT));
  }

  private static long timedWrongLogin(String username) {
    WebClient client = new WebClient("timer");
    HttpResponse<String> page = client.get("/login.xhtml");
    long start = System.nanoTime();
    HttpResponse<String> answer =
        client.postForm(
            page,
            "login",
            Map.of(
                "login:username", username,
                "login:password", "not the password",
                "login:submit", ""));
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    assertThat(messageOf(answer)).isEqualTo(WRONG);
    return millis;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  private static long auditCount(String username, String action) {
    return Database.count(
        "select count(*) from audit_event where actor_username = ? and action = ?"
            + " and client_address = '127.0.0.1' and target_type = 'ACCOUNT'",
        username,
        action);
  }

  private static long accountId(String username) {
    return Database.count("select id from account where username = ?", username);
  }

  static String messageOf(HttpResponse<String> page) {
    return page.body()
        .replaceAll("(?s).*class=\"ui-messages-error-summary\">([^<]*)<.*", "$1")
        .replace("&#39;", "'");
  }
}
