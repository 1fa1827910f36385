package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Changes a run-time setting on the administrator's settings page, as the page's form posts it. */
final class AdminSettings {

  static final String PAGE = "/admin/settings.xhtml";

  private AdminSettings() {}

  /** Saves a value; {@code field} is the form's input: "number", "text" or "switch". */
  static HttpResponse<String> change(WebClient admin, String name, String field, String value) {
    HttpResponse<String> page = admin.get(PAGE);
    String form = formOf(page, name);
    return admin.postForm(page, form, Map.of(form + ":" + field, value, form + ":save", ""));
  }

  /** Goes back to the value the environment or the built-in default gives. */
  static void reset(WebClient admin, String name) {
    HttpResponse<String> page = admin.get(PAGE);
    String form = formOf(page, name);
    admin.postForm(page, form, Map.of(form + ":reset", ""));
  }

  private static String formOf(HttpResponse<String> page, String name) {
    Matcher form =
        Pattern.compile("data-setting=\"" + Pattern.quote(name) + "\">\\s*<form id=\"([^\"]+)\"")
            .matcher(page.body());
    assertThat(form.find()).as("form of " + name).isTrue();
    return form.group(1);
  }
}
