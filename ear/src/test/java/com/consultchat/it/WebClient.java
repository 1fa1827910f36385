package com.consultchat.it;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One browser's worth of HTTP: its own cookies, Faces forms filled in and submitted as a browser
 * does.
 */
final class WebClient {

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"");
  private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");

  final HttpClient http;
  final String username;

  /** The application's root URL on the server this client talks to. */
  final String base;

  WebClient(String username) {
    this(username, TestServer.BASE_URL);
  }

  WebClient(String username, String base) {
    this(
        username,
        base,
        HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .build());
  }

  private WebClient(String username, String base, HttpClient http) {
    this.username = username;
    this.base = base;
    this.http = http;
  }

  /** The same person with the same cookies at another server: another node, as a balancer might. */
  WebClient at(String otherBase) {
    return new WebClient(username, otherBase, http);
  }

  static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** The password every new patient of {@link #newPatient()} signs up with. */
  static final String PATIENT_PASSWORD = "a long enough password";

  /** A new patient, signed up and logged in. */
  static WebClient newPatient() {
    return newPatient(TestServer.BASE_URL);
  }

  static WebClient newPatient(String base) {
    WebClient client = new WebClient(unique("patient"), base);
    HttpResponse<String> page =
        client.signUp(client.username, "Patient " + client.username, PATIENT_PASSWORD);
    if (!page.uri().getPath().endsWith("/patient/home.xhtml")) {
      throw new IllegalStateException("Sign-up did not land at home: " + page.uri());
    }
    return client;
  }

  /** A new member of staff, created by the administrator, logged in with their own password. */
  static WebClient newStaff() {
    return newStaff(TestServer.BASE_URL);
  }

  static WebClient newStaff(String base) {
    return newStaffCalled(base, null);
  }

  /** A new member of staff shown as {@code displayName}, or "Dr. " and their username if null. */
  static WebClient newStaffCalled(String base, String displayName) {
    WebClient admin = admin(base);
    String username = unique("staff");
    admin.submit(
        "/admin/accounts.xhtml",
        "staff",
        Map.of(
            "username",
            username,
            "displayName",
            displayName == null ? "Dr. " + username : displayName,
            "password",
            "initial password 1"),
        "submit");
    WebClient staff = new WebClient(username, base);
    staff.login(username, "initial password 1");
    HttpResponse<String> changed =
        staff.submit(
            "/account/password.xhtml",
            "password",
            Map.of(
                "current", "initial password 1",
                "replacement", "a personal password",
                "confirmation", "a personal password"),
            "submit");
    if (!changed.uri().getPath().endsWith("/staff/queue.xhtml")) {
      throw new IllegalStateException("Staff did not reach the queue: " + changed.uri());
    }
    return staff;
  }

  static WebClient admin() {
    return admin(TestServer.BASE_URL);
  }

  static WebClient admin(String base) {
    WebClient admin = new WebClient("admin", base);
    HttpResponse<String> home = admin.login("admin", TestServer.ADMIN_PASSWORD);
    if (!home.uri().getPath().endsWith("/admin/accounts.xhtml")) {
      throw new IllegalStateException("Administrator login failed: " + home.uri());
    }
    return admin;
  }

  HttpResponse<String> signUp(String username, String displayName, String password) {
    return submit(
        "/signup.xhtml",
        "signup",
        Map.of(
            "username", username,
            "displayName", displayName,
            "password", password,
            "confirmation", password),
        "submit");
  }

  HttpResponse<String> login(String username, String password) {
    return submit(
        "/login.xhtml", "login", Map.of("username", username, "password", password), "submit");
  }

  HttpResponse<String> logout() {
    return submit("/index.xhtml", "session", Map.of(), "logout");
  }

  /** Opens a consultation and returns its id, read from the chat page it lands on. */
  long requestConsultation(String subject) {
    HttpResponse<String> chat =
        submit("/patient/home.xhtml", "ask", Map.of("subject", subject), "submit");
    return Long.parseLong(chat.uri().getQuery().replaceAll(".*id=(\\d+).*", "$1"));
  }

  /** Takes a waiting consultation from the queue page, pressing the button of its row. */
  HttpResponse<String> take(long consultation) {
    HttpResponse<String> queue = get("/staff/queue.xhtml");
    Matcher row =
        Pattern.compile(
                "data-consultation=\"" + consultation + "\".*?<button id=\"([^\"]+)\"",
                Pattern.DOTALL)
            .matcher(queue.body());
    if (!row.find()) {
      throw new IllegalStateException("Consultation " + consultation + " is not in the queue");
    }
    return post(queue, "queue", Map.of(row.group(1), ""));
  }

  /**
   * Presses the button (id ending in {@code :button}) in the first row after {@code rowMarker} on
   * the page, submitting its form with the given extra fields, as a click in that row would.
   */
  HttpResponse<String> press(
      String path, String form, String rowMarker, String button, Map<String, String> fields) {
    HttpResponse<String> page = get(path);
    Matcher row =
        Pattern.compile(
                Pattern.quote(rowMarker)
                    + ".*?id=\"("
                    + Pattern.quote(form)
                    + ":[^\"]*:"
                    + Pattern.quote(button)
                    + ")\"",
                Pattern.DOTALL)
            .matcher(page.body());
    if (!row.find()) {
      throw new IllegalStateException(
          "No " + button + " button after " + rowMarker + " on " + path);
    }
    Map<String, String> values = new LinkedHashMap<>();
    fields.forEach((name, value) -> values.put(form + ":" + name, value));
    values.put(row.group(1), "");
    return post(page, form, values);
  }

  long conversationOf(long consultation) {
    HttpResponse<String> chat = get("/consultation/chat.xhtml?id=" + consultation);
    Matcher matcher = Pattern.compile("data-conversation=\"(\\d+)\"").matcher(chat.body());
    if (!matcher.find()) {
      throw new IllegalStateException(
          "No chat page for " + consultation + ": " + chat.statusCode());
    }
    return Long.parseLong(matcher.group(1));
  }

  /** The polling transport: frames posted as a JSON array, answered with the server's frames. */
  HttpResponse<String> postFrames(String json, String origin) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "/api/frames"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (origin != null) {
      request.header("Origin", origin);
    }
    return send(request.build());
  }

  /**
   * Sends a file's bytes to a conversation as the browser does (one streamed body, its name and
   * caption percent-encoded in headers); {@code bytes} null sends no body.
   */
  HttpResponse<String> upload(
      long conversation, String clientId, String name, String caption, byte[] bytes) {
    return upload(
        conversation, clientId, name, caption, HttpRequest.BodyPublishers.ofByteArray(bytes));
  }

  /** The same with any body: a stream sends it chunked, with no declared length. */
  HttpResponse<String> upload(
      long conversation,
      String clientId,
      String name,
      String caption,
      HttpRequest.BodyPublisher body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + "/api/files?conversation=" + conversation))
            // As browsers talk to a server without TLS (the JDK would try an HTTP/2 upgrade).
            .version(HttpClient.Version.HTTP_1_1)
            .header("Content-Type", "application/octet-stream")
            .header("File-Client-Id", clientId)
            .POST(body);
    if (name != null) {
      request.header("File-Name", percent(name));
    }
    if (caption != null) {
      request.header("File-Caption", percent(caption));
    }
    return send(request.build());
  }

  /** An upload whose sender chose the file's clinical kind ({@code File-Kind}). */
  HttpResponse<String> uploadAs(
      long conversation, String clientId, String name, String kind, byte[] bytes) {
    return send(
        HttpRequest.newBuilder(URI.create(base + "/api/files?conversation=" + conversation))
            .version(HttpClient.Version.HTTP_1_1)
            .header("Content-Type", "application/octet-stream")
            .header("File-Client-Id", clientId)
            .header("File-Name", percent(name))
            .header("File-Kind", kind)
            .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
            .build());
  }

  /** A JSON body posted as the page's scripts post one. */
  HttpResponse<String> postJson(String path, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** As a browser's encodeURIComponent. */
  static String percent(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** This person's account id, from the database. */
  long accountId() {
    return Database.count("select id from account where username = ?", username);
  }

  /** The session cookie, for requests written by hand. */
  String cookieHeader() {
    return cookies()
        .map(cookie -> cookie.getName() + "=" + cookie.getValue())
        .collect(Collectors.joining("; "));
  }

  /** The id of this browser's HTTP session, without the node's route. */
  String sessionId() {
    return cookies()
        .filter(cookie -> cookie.getName().equals("JSESSIONID"))
        .map(cookie -> cookie.getValue().replaceFirst("\\..*$", ""))
        .findFirst()
        .orElseThrow();
  }

  private Stream<HttpCookie> cookies() {
    return ((CookieManager) http.cookieHandler().orElseThrow())
        .getCookieStore().getCookies().stream();
  }

  /** A download, as bytes. */
  HttpResponse<byte[]> download(String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
          HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
  }

  /** Loads the page, fills the named fields of the form and presses the button. */
  HttpResponse<String> submit(String path, String form, Map<String, String> fields, String button) {
    HttpResponse<String> page = get(path);
    Map<String, String> values = new LinkedHashMap<>();
    fields.forEach((name, value) -> values.put(form + ":" + name, value));
    values.put(form + ":" + button, "");
    return post(page, form, values);
  }

  /** Posts a form of a page already loaded, with exactly the given fields. */
  HttpResponse<String> postForm(
      HttpResponse<String> page, String form, Map<String, String> values) {
    return post(page, form, values);
  }

  /**
   * Posts a form of the page as a browser does: its fields, the view state, and the page's script
   * nonce, which PrimeFaces adds to every form it submits.
   */
  private HttpResponse<String> post(
      HttpResponse<String> page, String form, Map<String, String> values) {
    return postForm(page, form, values, Map.of());
  }

  /** As {@link #postForm}, with fields sent several times (ticked checkboxes of one group). */
  HttpResponse<String> postForm(
      HttpResponse<String> page,
      String form,
      Map<String, String> values,
      Map<String, List<String>> repeated) {
    Map<String, String> body = new LinkedHashMap<>();
    body.put(form, form);
    body.putAll(values);
    body.put("jakarta.faces.ViewState", viewState(page.body()));
    Matcher nonce = NONCE.matcher(page.body());
    if (nonce.find()) {
      body.put("primefaces.nonce", nonce.group(1));
    }
    String encoded =
        Stream.concat(
                body.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())),
                repeated.entrySet().stream()
                    .flatMap(
                        e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v))))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(page.uri())
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(encoded))
            .build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String viewState(String html) {
    Matcher matcher = VIEW_STATE.matcher(html);
    if (!matcher.find()) {
      throw new IllegalStateException("No form on the page:\n" + html);
    }
    return matcher.group(1);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
