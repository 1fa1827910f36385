package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Snippets are their owner's alone, whichever way they are reached over HTTP. */
class SnippetIT {

  private static final String PAGE = "/staff/snippets.xhtml";
  private static final String NOT_YOURS = "There is no such snippet.";

  @Test
  void staffCreateChangeAndDeleteTheirOwnSnippets() {
    WebClient staff = WebClient.newStaff();

    HttpResponse<String> created =
        save(staff, null, "Greeting", "/Hello", "Hello, how can I help?");

    assertThat(created.uri().getPath()).endsWith(PAGE);
    assertThat(created.body()).contains("Saved /hello.", "Greeting", "Hello, how can I help?");
    JsonObject snippet = only(mine(staff));
    assertThat(snippet.getString("shortcut")).isEqualTo("hello");
    long id = snippet.getJsonNumber("id").longValue();

    save(staff, id, "Greeting", "hi", "Good morning!");
    assertThat(only(mine(staff)).getString("body")).isEqualTo("Good morning!");
    assertThat(only(mine(staff)).getString("shortcut")).isEqualTo("hi");

    HttpResponse<String> deleted = delete(staff, id);
    assertThat(deleted.body()).contains("Deleted /hi.");
    assertThat(mine(staff)).isEmpty();
    assertThat(Database.count("select count(*) from canned_response where id = ?", id)).isZero();
  }

  @Test
  void anotherMembersSnippetCannotBeSeenChangedOrDeleted() {
    WebClient owner = WebClient.newStaff();
    WebClient colleague = WebClient.newStaff();
    save(owner, null, "Private phrase", "mine", "Only the owner writes this.");
    long id = only(mine(owner)).getJsonNumber("id").longValue();

    assertThat(mine(colleague)).isEmpty();
    assertThat(colleague.get(PAGE).body()).doesNotContain("Only the owner writes this.");
    HttpResponse<String> changed = save(colleague, id, "Taken over", "mine", "Changed by another");
    HttpResponse<String> deleted = delete(colleague, id);
    HttpResponse<String> missing = save(colleague, 999_999_999L, "Nothing", "none", "Nothing");

    assertThat(changed.body()).contains(NOT_YOURS).doesNotContain("Saved");
    assertThat(deleted.body()).contains(NOT_YOURS).doesNotContain("Deleted");
    assertThat(missing.body()).contains(NOT_YOURS);
    JsonObject unchanged = only(mine(owner));
    assertThat(unchanged.getString("title")).isEqualTo("Private phrase");
    assertThat(unchanged.getString("body")).isEqualTo("Only the owner writes this.");
    assertThat(mine(colleague)).isEmpty();
  }

  @Test
  void shortcutsAreUniquePerOwnerOnly() {
    WebClient first = WebClient.newStaff();
    WebClient second = WebClient.newStaff();
    save(first, null, "Follow-up", "followup", "Let us talk again next week.");

    HttpResponse<String> duplicate = save(first, null, "Again", "FollowUp", "Another text");
    save(second, null, "My follow-up", "followup", "See you next week.");

    assertThat(duplicate.body())
        .contains("You already have a snippet with the shortcut /followup.");
    assertThat(mine(first)).hasSize(1);
    assertThat(only(mine(second)).getString("body")).isEqualTo("See you next week.");
  }

  @Test
  void invalidSnippetsAreRefusedWithTheReason() {
    WebClient staff = WebClient.newStaff();

    assertThat(save(staff, null, " ", "x", "Body").body()).contains("Please give a title.");
    assertThat(save(staff, null, "Title", "two words", "Body").body())
        .contains("A shortcut is one word of letters");
    assertThat(save(staff, null, "Title", "ok", " ").body())
        .contains("Please write the text to insert.");
    assertThat(save(staff, null, "Title", "grüß", "Body").body())
        .contains("A shortcut is one word of letters");
    assertThat(mine(staff)).isEmpty();
  }

  @Test
  void whatStaffWriteIsShownAsTextNeverAsMarkup() {
    WebClient staff = WebClient.newStaff();
    String markup = "<img src=x onerror=alert(1)> & <b>bold</b>";

    save(staff, null, markup, "markup", markup);

    String page = staff.get(PAGE).body();
    assertThat(page).doesNotContain("<img src=x").doesNotContain("<b>bold</b>");
    assertThat(page).contains("&lt;img src=x onerror=alert(1)&gt; &amp; &lt;b&gt;bold&lt;/b&gt;");
    HttpResponse<String> api = staff.get("/api/snippets");
    assertThat(api.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(only(array(api.body())).getString("body")).isEqualTo(markup);
  }

  @Test
  void patientsHaveNoSnippets() {
    WebClient patient = WebClient.newPatient();

    HttpResponse<String> api = patient.get("/api/snippets");

    assertThat(api.statusCode()).isEqualTo(403);
    JsonObject error = object(api.body());
    assertThat(error.getString("type")).isEqualTo("error");
    assertThat(error.getString("code")).isEqualTo("forbidden");
    assertThat(patient.get(PAGE).statusCode()).isEqualTo(403);
  }

  private static HttpResponse<String> save(
      WebClient client, Long id, String title, String shortcut, String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("id", id == null ? "" : String.valueOf(id));
    fields.put("title", title);
    fields.put("shortcut", shortcut);
    fields.put("body", body);
    return client.submit(PAGE, "snippet", fields, "save");
  }

  private static HttpResponse<String> delete(WebClient client, long id) {
    return client.submit(
        PAGE,
        "snippet",
        Map.of("id", String.valueOf(id), "title", "", "shortcut", "", "body", ""),
        "delete");
  }

  private static List<JsonObject> mine(WebClient client) {
    HttpResponse<String> response = client.get("/api/snippets");
    assertThat(response.statusCode()).isEqualTo(200);
    return array(response.body()).getValuesAs(JsonObject.class);
  }

  private static JsonObject only(List<JsonObject> snippets) {
    assertThat(snippets).hasSize(1);
    return snippets.get(0);
  }

  private static JsonObject only(JsonArray snippets) {
    return only(snippets.getValuesAs(JsonObject.class));
  }

  private static JsonArray array(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readArray();
    }
  }

  private static JsonObject object(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
