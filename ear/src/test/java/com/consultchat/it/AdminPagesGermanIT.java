package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An administrator who chose German sees every administration page in German, with no key left
 * without its words, and a refused setting explained in German. The choice is the language cookie
 * only, so the shared administrator account keeps no language for the other tests.
 */
class AdminPagesGermanIT {

  private static final Map<String, String> PAGES =
      Map.of(
          "/admin/accounts.xhtml", "Alle Konten",
          "/admin/audit.xhtml", "Prüfprotokoll",
          "/admin/consultations.xhtml", "Alle Beratungen",
          "/admin/erasure.xhtml", "Löschanträge",
          "/admin/metrics.xhtml", "Live-Messwerte",
          "/admin/phrases.xhtml", "Notfallwendungen",
          "/admin/retention.xhtml", "Aufbewahrungssperren",
          "/admin/rooms.xhtml", "Gruppenräume",
          "/admin/settings.xhtml", "Abfrageintervall");

  @Test
  void everyAdministrationPageSpeaksGermanWithEveryWordInPlace() {
    WebClient admin = german(WebClient.admin());
    PAGES.forEach(
        (path, words) -> {
          HttpResponse<String> page = admin.get(path);
          assertThat(page.statusCode()).as(path).isEqualTo(200);
          assertThat(page.body()).as(path).contains("lang=\"de\"").contains(words);
          assertThat(page.body()).as(path).doesNotContain("???");
        });
    HttpResponse<String> account = admin.get("/admin/account.xhtml?id=" + admin.accountId());
    assertThat(account.body()).contains("Dies ist Ihr eigenes Konto").doesNotContain("???");
  }

  @Test
  void aRefusedSettingIsExplainedInGerman() {
    WebClient admin = german(WebClient.admin());
    HttpResponse<String> page = admin.get("/admin/settings.xhtml");
    Matcher form =
        Pattern.compile(
                "data-setting=\"consultchat.poll.interval.seconds\">\\s*<form id=\"([^\"]+)\"")
            .matcher(page.body());
    assertThat(form.find()).isTrue();
    Map<String, String> values = new HashMap<>();
    values.put(form.group(1) + ":number", "1");
    values.put(form.group(1) + ":save", "");

    HttpResponse<String> refused = admin.postForm(page, form.group(1), values);

    assertThat(refused.body())
        .contains("Abfrageintervall: Der Wert muss zwischen 2 und 300 Sekunden liegen, nicht 1.");
  }

  /** The language cookie the switch sets before login, without storing a choice. */
  private static WebClient german(WebClient client) {
    HttpCookie cookie = new HttpCookie("consultchat-language", "de");
    cookie.setPath(URI.create(client.base).getPath());
    ((CookieManager) client.http.cookieHandler().orElseThrow())
        .getCookieStore()
        .add(URI.create(client.base), cookie);
    return client;
  }
}
