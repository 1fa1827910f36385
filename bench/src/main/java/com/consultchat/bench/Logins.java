package com.consultchat.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Logs people in the way a browser does: loads the Faces login page, posts the form with its view
 * state, and keeps the session cookie the server issues after authentication. Redirects are not
 * followed: the 302 to the home page is the proof of success, and rendering that page is not part
 * of logging in.
 */
final class Logins {

  static final String PASSWORD = "bench password 2024";
  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");

  /** The page's script nonce, which a browser's PrimeFaces posts back with the form. */
  private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");

  final Map<String, String> sessions = new ConcurrentHashMap<>();
  final Histogram latency = new Histogram();
  private final HttpClient http;
  private final URI page;

  Logins(HttpClient http, String applicationUrl) {
    this.http = http;
    this.page = URI.create(applicationUrl + "/login.xhtml");
  }

  static String username(String prefix, int index) {
    return String.format("%s-%05d", prefix, index);
  }

  /** Completes with whether the person is now logged in; the cookie is kept under the username. */
  CompletableFuture<Boolean> login(String username) {
    return login(username, PASSWORD);
  }

  /** The same with a password of one's own (the administrator's). */
  CompletableFuture<Boolean> login(String username, String password) {
    long start = System.nanoTime();
    return submit(username, password, answer -> loggedIn(username, answer))
        .whenComplete(
            (ok, failure) -> {
              if (Boolean.TRUE.equals(ok)) {
                latency.record((System.nanoTime() - start) / 1000);
              }
            })
        .exceptionally(failure -> false);
  }

  /**
   * One login with a wrong password for a username no account has, as a guesser sends it: the login
   * page, then the form. Completes when the server has answered, with whether it answered at all.
   */
  CompletableFuture<Boolean> guess(String username) {
    return submit(username, "not the password " + username, answer -> answer.statusCode() == 200)
        .exceptionally(failure -> false);
  }

  /**
   * The login page, then its form posted as a browser does; false when the page offered no form.
   */
  private CompletableFuture<Boolean> submit(
      String username, String password, Function<HttpResponse<Void>, Boolean> answered) {
    return http.sendAsync(get(), HttpResponse.BodyHandlers.ofString())
        .thenCompose(
            form -> {
              Optional<String> cookie = sessionCookie(form);
              Matcher viewState = VIEW_STATE.matcher(form.body());
              Matcher nonce = NONCE.matcher(form.body());
              if (cookie.isEmpty() || !viewState.find() || !nonce.find()) {
                return CompletableFuture.completedFuture(false);
              }
              return http.sendAsync(
                      post(cookie.get(), username, password, viewState.group(1), nonce.group(1)),
                      HttpResponse.BodyHandlers.discarding())
                  .thenApply(answered);
            });
  }

  private boolean loggedIn(String username, HttpResponse<Void> answer) {
    Optional<String> location = answer.headers().firstValue("location");
    Optional<String> cookie = sessionCookie(answer);
    if (answer.statusCode() != 302
        || location.isEmpty()
        || location.get().contains("login")
        || cookie.isEmpty()) {
      return false;
    }
    sessions.put(username, cookie.get());
    return true;
  }

  private HttpRequest get() {
    return HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(60)).GET().build();
  }

  private HttpRequest post(
      String cookie, String username, String password, String viewState, String nonce) {
    String form =
        "login=login&login%3Ausername="
            + encode(username)
            + "&login%3Apassword="
            + encode(password)
            + "&login%3Asubmit=&jakarta.faces.ViewState="
            + encode(viewState)
            + "&primefaces.nonce="
            + encode(nonce);
    return HttpRequest.newBuilder(page)
        .timeout(Duration.ofSeconds(60))
        .header("Cookie", cookie)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))
        .build();
  }

  private static Optional<String> sessionCookie(HttpResponse<?> response) {
    return response.headers().allValues("set-cookie").stream()
        .filter(header -> header.startsWith("JSESSIONID="))
        .map(
            header ->
                header.substring(
                    0, header.indexOf(';') < 0 ? header.length() : header.indexOf(';')))
        .findFirst();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
