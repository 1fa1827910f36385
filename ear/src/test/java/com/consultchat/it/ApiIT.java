package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.consultchat.attachment.control.Samples;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The integration API as another system of the site uses it: tokens that administrators create, the
 * same per-object checks as the pages and the socket, scopes, paging, ETags, idempotent posts that
 * reach the chat live, problem documents for every refusal, and its OpenAPI description.
 */
class ApiIT {

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern SECRET =
      Pattern.compile("id=\"issued-secret\"[^>]*>(cc_[A-Za-z0-9_-]+)<");

  @Test
  void withoutATokenNothingAnswersNotEvenToALoggedInBrowsersCookie() {
    HttpResponse<String> bare = call("GET", "/api/v1/consultations", null, null);
    assertThat(bare.statusCode()).isEqualTo(401);
    assertThat(bare.headers().firstValue("WWW-Authenticate"))
        .hasValue("Bearer realm=\"consultchat\"");
    assertThat(bare.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(json(bare).getString("code")).isEqualTo("unauthorized");

    WebClient patient = WebClient.newPatient();
    HttpResponse<String> cookie = patient.get("/api/v1/consultations");
    assertThat(cookie.statusCode()).isEqualTo(401);
    assertThat(call("GET", "/api/v1/consultations", "cc_not-a-real-token", null).statusCode())
        .isEqualTo(401);
  }

  @Test
  void aTokenSeesWhatItsAccountMaySeeWithinItsScopes() {
    TakenConsultation mine = TakenConsultation.create("Rash after the new soap");
    TakenConsultation other = TakenConsultation.create("Someone else's question");
    WebClient admin = WebClient.admin();
    String reader = create(admin, "Reader", mine.staff().username, List.of("consultations:read"));

    HttpResponse<String> list = call("GET", "/api/v1/consultations", reader, null);
    assertThat(list.statusCode()).isEqualTo(200);
    JsonArray items = json(list).getJsonArray("items");
    assertThat(items.getValuesAs(JsonObject.class))
        .extracting(item -> item.getJsonNumber("id").longValue())
        .contains(mine.id())
        .doesNotContain(other.id());

    HttpResponse<String> one = call("GET", "/api/v1/consultations/" + mine.id(), reader, null);
    assertThat(json(one).getString("subject")).isEqualTo("Rash after the new soap");
    HttpResponse<String> theirs = call("GET", "/api/v1/consultations/" + other.id(), reader, null);
    HttpResponse<String> unknown = call("GET", "/api/v1/consultations/999999999", reader, null);
    assertThat(theirs.statusCode()).isEqualTo(404);
    assertThat(theirs.body()).as("someone else's is as unknown as none").isEqualTo(unknown.body());

    HttpResponse<String> messages =
        call("GET", "/api/v1/consultations/" + mine.id() + "/messages", reader, null);
    assertThat(messages.statusCode()).isEqualTo(403);
    assertThat(json(messages).getString("code")).isEqualTo("forbidden");
    assertThat(json(messages).getString("detail")).contains("messages:read");
    HttpResponse<String> post =
        call(
            "POST",
            "/api/v1/consultations/" + mine.id() + "/messages",
            reader,
            "{\"clientId\":\"" + UUID.randomUUID() + "\",\"text\":\"Hello\"}");
    assertThat(post.statusCode()).isEqualTo(403);
    assertThat(
            Database.count(
                "select count(*) from message where conversation_id = ?", mine.conversation()))
        .as("nothing refused is stored")
        .isZero();
  }

  @Test
  void aPostIsStoredOnceReachesTheChatLiveAndASecondSendReturnsTheOriginal() {
    TakenConsultation chat = TakenConsultation.create("Follow-up on blood test");
    String token =
        create(
            WebClient.admin(),
            "Lab system",
            chat.staff().username,
            List.of("consultations:read", "messages:read", "messages:write"));
    String clientId = UUID.randomUUID().toString();
    String body = "{\"clientId\":\"" + clientId + "\",\"text\":\"Your results are in.\"}";
    String path = "/api/v1/consultations/" + chat.id() + "/messages";
    try (SocketClient patient = SocketClient.open(chat.patient())) {
      HttpResponse<String> first = call("POST", path, token, body);
      assertThat(first.statusCode()).isEqualTo(201);
      long seq = json(first).getJsonNumber("seq").longValue();
      assertThat(first.headers().firstValue("Location"))
          .hasValueSatisfying(location -> assertThat(location).endsWith(path + "/" + seq));
      JsonObject live = patient.next("message").getJsonObject("message");
      assertThat(live.getString("body")).isEqualTo("Your results are in.");

      HttpResponse<String> again = call("POST", path, token, body);
      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(json(again).getJsonNumber("seq").longValue()).isEqualTo(seq);
      assertThat(
              Database.count(
                  "select count(*) from message where conversation_id = ?", chat.conversation()))
          .isEqualTo(1);

      HttpResponse<String> read = call("GET", path + "?after=0", token, null);
      assertThat(json(read.body()).asJsonArray()).hasSize(1);
      HttpResponse<String> single = call("GET", path + "/" + seq, token, null);
      assertThat(json(single).getString("clientId")).isEqualTo(clientId);
    }
  }

  @Test
  void pagesLinkOnwardAndAnUnchangedAnswerIsNotSentAgain() {
    WebClient patient = WebClient.newPatient();
    patient.requestConsultation("First question");
    patient.requestConsultation("Second question");
    patient.requestConsultation("Third question");
    String token =
        create(WebClient.admin(), "Portal", patient.username, List.of("consultations:read"));

    HttpResponse<String> first = call("GET", "/api/v1/consultations?size=2", token, null);
    JsonObject page = json(first);
    assertThat(page.getInt("total")).isEqualTo(3);
    assertThat(page.getJsonArray("items")).hasSize(2);
    Matcher next =
        Pattern.compile("<([^>]+)>;\\s*rel=\"next\"")
            .matcher(first.headers().firstValue("Link").orElse(""));
    assertThat(next.find()).isTrue();
    HttpResponse<String> second = callAbsolute("GET", next.group(1), token, null, Map.of());
    assertThat(json(second).getJsonArray("items")).hasSize(1);
    assertThat(second.headers().firstValue("Link")).isEmpty();

    String tag = first.headers().firstValue("ETag").orElseThrow();
    HttpResponse<String> unchanged =
        callAbsolute(
            "GET",
            TestServer.BASE_URL + "/api/v1/consultations?size=2",
            token,
            null,
            Map.of("If-None-Match", tag));
    assertThat(unchanged.statusCode()).isEqualTo(304);
    assertThat(unchanged.body()).isEmpty();

    assertThat(call("GET", "/api/v1/consultations?size=500", token, null).statusCode())
        .isEqualTo(400);
  }

  @Test
  void aTokenIsShownOnceWorksUntilRevokedAndBothAreAudited() {
    WebClient admin = WebClient.admin();
    WebClient patient = WebClient.newPatient();
    String token = create(admin, "Short-lived", patient.username, List.of("consultations:read"));
    assertThat(admin.get("/admin/api-tokens.xhtml").body())
        .as("the secret is shown only once")
        .doesNotContain(token);
    assertThat(Database.count("select count(*) from api_token where token_hash = ?", token))
        .as("the secret itself is not stored")
        .isZero();
    assertThat(
            Database.count(
                "select count(*) from api_token where token_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')",
                token))
        .as("its SHA-256 is")
        .isEqualTo(1);
    assertThat(call("GET", "/api/v1/consultations", token, null).statusCode()).isEqualTo(200);

    HttpResponse<String> page = admin.get("/admin/api-tokens.xhtml");
    long id = Database.count("select max(id) from api_token where name = 'Short-lived'");
    Matcher revoke =
        Pattern.compile("data-token=\"" + id + "\".*?<button id=\"([^\"]+)\"", Pattern.DOTALL)
            .matcher(page.body());
    assertThat(revoke.find()).isTrue();
    admin.postForm(page, "tokens", Map.of(revoke.group(1), ""));
    assertThat(call("GET", "/api/v1/consultations", token, null).statusCode()).isEqualTo(401);
    assertThat(
            Database.count(
                "select count(*) from audit_event where action in ('API_TOKEN_CREATED', 'API_TOKEN_REVOKED')"
                    + " and target_id = ?",
                patient.accountId()))
        .isEqualTo(2);
  }

  @Test
  void roomsFilesAndAccountsFollowTheAccountsOwnRights() {
    TakenConsultation chat = TakenConsultation.create("Photo of the rash");
    HttpResponse<String> upload =
        chat.patient()
            .upload(
                chat.conversation(), UUID.randomUUID().toString(), "rash.pdf", null, Samples.pdf());
    assertThat(upload.statusCode()).as(upload.body()).isLessThan(300);
    long file =
        Database.count(
            "select max(id) from attachment where conversation_id = ?", chat.conversation());
    WebClient admin = WebClient.admin();
    String staffToken =
        create(
            admin,
            "Records",
            chat.staff().username,
            List.of("files:read", "rooms:read", "accounts:admin"));
    String strangerToken =
        create(admin, "Stranger", WebClient.newPatient().username, List.of("files:read"));
    String adminToken = create(admin, "Directory", "admin", List.of("accounts:admin"));

    HttpResponse<String> bytes = call("GET", "/api/v1/files/" + file, staffToken, null);
    assertThat(bytes.statusCode()).isEqualTo(200);
    assertThat(bytes.headers().firstValue("Content-Disposition"))
        .hasValueSatisfying(disposition -> assertThat(disposition).startsWith("attachment"));
    assertThat(bytes.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(call("GET", "/api/v1/files/" + file, strangerToken, null).statusCode())
        .as("not a member of its conversation")
        .isEqualTo(404);

    assertThat(call("GET", "/api/v1/rooms", staffToken, null).statusCode()).isEqualTo(200);
    assertThat(call("GET", "/api/v1/accounts", staffToken, null).statusCode())
        .as("the scope alone is not enough: the account must be an administrator")
        .isEqualTo(403);
    HttpResponse<String> accounts =
        call("GET", "/api/v1/accounts?q=" + chat.staff().username, adminToken, null);
    assertThat(json(accounts).getJsonArray("items").getJsonObject(0).getString("username"))
        .isEqualTo(chat.staff().username);
  }

  @Test
  void theApiIsDescribedByAnOpenApiDocumentAndAViewer() {
    HttpResponse<String> document =
        callAbsolute("GET", TestServer.BASE_URL + "/openapi?format=JSON", null, null, Map.of());
    assertThat(document.statusCode()).isEqualTo(200);
    JsonObject openApi = json(document);
    assertThat(openApi.getJsonObject("paths").keySet())
        .anySatisfy(path -> assertThat(path).endsWith("/api/v1/consultations"))
        .noneSatisfy(path -> assertThat(path).contains("frames"));
    assertThat(
            openApi
                .getJsonObject("components")
                .getJsonObject("securitySchemes")
                .getJsonObject("token")
                .getString("scheme"))
        .isEqualTo("bearer");
    HttpResponse<String> viewer =
        callAbsolute("GET", TestServer.BASE_URL + "/api-docs.html", null, null, Map.of());
    assertThat(viewer.statusCode()).isEqualTo(200);
    assertThat(viewer.body()).contains("swagger-ui-bundle.js").doesNotContain("@version");
  }

  /** Creates a token on the administrators' page and reads its secret from the page it leads to. */
  static String create(WebClient admin, String name, String username, List<String> scopes) {
    HttpResponse<String> page = admin.get("/admin/api-tokens.xhtml");
    HttpResponse<String> created =
        admin.postForm(
            page,
            "token",
            Map.of(
                "token:name",
                name,
                "token:username",
                username,
                "token:days",
                "30",
                "token:create",
                ""),
            Map.of("token:scopes", scopes));
    Matcher secret = SECRET.matcher(created.body());
    assertThat(secret.find()).as("the new token's secret on " + created.uri()).isTrue();
    return secret.group(1);
  }

  private static HttpResponse<String> call(String method, String path, String token, String body) {
    return callAbsolute(method, TestServer.BASE_URL + path, token, body, Map.of());
  }

  private static HttpResponse<String> callAbsolute(
      String method, String url, String token, String body, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    headers.forEach(request::header);
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonObject json(HttpResponse<String> response) {
    return json(response.body()).asJsonObject();
  }

  private static jakarta.json.JsonValue json(String body) {
    return Json.createReader(new StringReader(body)).readValue();
  }
}
