package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A patient searches from the chat and lands on the found message; offline, the same page searches
 * what the browser keeps and says so. On a phone and on a desktop.
 */
class SearchBrowserIT {

  /** More than one page of catch-up, so later pages arrive after the found message is shown. */
  private static final int LATER = 600;

  @Test
  void aSearchFromTheChatOpensTheFoundMessageAndKeepsItInSightOnAPhone() {
    searchAndOpen("phone", 390, 844);
  }

  @Test
  void aSearchFromTheChatOpensTheFoundMessageAndKeepsItInSightOnADesktop() {
    searchAndOpen("desktop", 1280, 900);
  }

  @Test
  void anAdministratorOpensAFoundMessageOfAConsultationTheyDoNotTakePartIn() {
    String word = word();
    TakenConsultation chat = TakenConsultation.create("Reviewed by the clinic");
    long found;
    try (SocketClient staff = SocketClient.open(chat.staff())) {
      staff.send(chat.conversation(), "Please repeat the " + word + " test");
      found = staff.next("ack").getJsonNumber("seq").longValue();
    }
    try (Browser admin = new Browser("search-admin", 1280, 900)) {
      admin.logIn("admin", TestServer.ADMIN_PASSWORD);
      admin.click("#nav-search");
      admin.type("#q", word);
      admin.find("#q").sendKeys(Keys.ENTER);
      admin.waitForText(".search-hint", "audit log");
      admin.screenshot("search-04-admin-results");
      admin.click(".search-hit[data-seq='" + found + "'] a");
      admin.find("#observed-messages .msg.msg-found[data-seq='" + found + "']");
      admin.screenshot("search-05-admin-opened");
      // From the consultation's header, the search is of that consultation.
      admin.click("#chat-search");
      assertThat(admin.find("#search-in option:checked").getAttribute("value"))
          .isEqualTo(String.valueOf(chat.conversation()));
    }
  }

  private static void searchAndOpen(String label, int width, int height) {
    String old = word();
    String recent = word();
    TakenConsultation chat = TakenConsultation.create("Headaches after the new tablets");
    long found;
    try (SocketClient patient = SocketClient.open(chat.patient())) {
      patient.send(chat.conversation(), "The headaches started with a " + old + " on Monday");
      found = patient.next("ack").getJsonNumber("seq").longValue();
    }
    long last = laterMessages(chat, found, recent);

    try (Browser browser = new Browser("search-" + label, width, height)) {
      browser.logIn(chat.patient().username, "a long enough password");
      browser.open(chat.chatPath());
      browser.find(".msg[data-seq='" + last + "']");
      browser.click("#chat-search");
      assertThat(browser.find("#search-in option:checked").getAttribute("value"))
          .isEqualTo(String.valueOf(chat.conversation()));
      browser.type("#q", old);
      browser.find("#q").sendKeys(Keys.ENTER);
      WebElement hit = browser.find(".search-hit[data-seq='" + found + "']");
      assertThat(hit.findElement(By.cssSelector("mark")).getText()).isEqualTo(old);
      browser.screenshot("search-01-results");
      // Another choice of conversation searches again at once.
      new Select(browser.find("#search-in")).selectByValue("");
      browser.waitUntil(d -> d.getCurrentUrl().contains("in=&") ? true : null);
      hit = browser.find(".search-hit[data-seq='" + found + "']");

      hit.findElement(By.cssSelector("a")).click();
      browser.find(".msg.msg-found[data-seq='" + found + "']");
      // Every later page of history arrives, and the found message stays in sight.
      browser.find(".msg[data-seq='" + last + "']");
      browser.waitUntil(d -> inSight(browser, found) ? true : null);
      browser.screenshot("search-02-opened");

      browser.open("/search/index.xhtml");
      browser.offline(true);
      browser.waitUntil(d -> browser.driver.executeScript("return navigator.onLine").equals(false));
      browser.type("#q", recent);
      browser.find("#q").sendKeys(Keys.ENTER);
      browser.waitForText("#search-offline", "offline");
      assertThat(browser.find("#search-local .search-hit mark").getText()).isEqualTo(recent);
      assertThat(browser.driver.findElements(By.id("search-hits"))).isEmpty();
      browser.screenshot("search-03-offline");

      // A search address opened offline opens the kept empty page, which searches the browser.
      browser.open("/search/index.xhtml?q=" + recent);
      browser.waitForText("#search-offline", "offline");
      assertThat(browser.find("#search-local .search-hit mark").getText()).isEqualTo(recent);
      // Pages with results are never kept: neither the words nor the snippets stay in the cache.
      Object kept =
          browser.driver.executeAsyncScript(
              "const done = arguments[arguments.length - 1];"
                  + " caches.open('consultchat-pages-v1').then((c) => c.keys())"
                  + ".then((keys) => done(keys.map((k) => k.url).join(' ')));");
      assertThat((String) kept)
          .contains("/search/index.xhtml")
          .doesNotContain("/search/index.xhtml?");
      browser.offline(false);
    }
  }

  /**
   * {@link #LATER} messages after the found one, stored directly (the message path would take
   * minutes and meet the sending rate limit); one of them, near the end, with {@code recent}.
   * Answers the last seq.
   */
  private static long laterMessages(TakenConsultation chat, long after, String recent) {
    long sender = chat.staff().accountId();
    // Ids from a run of the id sequence taken past, so the server's own allocations never meet
    // them.
    Database.execute(
        "with base as (select setval('message_seq', nextval('message_seq') + ?) - ? as first)"
            + " insert into message (id, conversation_id, seq, sender_id, client_id, kind, body,"
            + " created_at)"
            + " select base.first + g, ?, ? + g, ?, gen_random_uuid(), 'TEXT',"
            + " case when g = ? then 'Recent: ' || ? else 'Later message ' || g end,"
            + " now() + g * interval '1 millisecond'"
            + " from base, generate_series(1, ?) g",
        LATER + 100,
        LATER + 100,
        chat.conversation(),
        after,
        sender,
        LATER - 5,
        recent,
        LATER);
    Database.execute(
        "update conversation set last_seq = ? where id = ?", after + LATER, chat.conversation());
    return after + LATER;
  }

  /** Whether the message is within the visible part of the message list. */
  private static boolean inSight(Browser browser, long seq) {
    Object inside =
        browser.driver.executeScript(
            "const m = document.querySelector(`.msg[data-seq='${arguments[0]}']`);"
                + " const list = document.getElementById('chat-messages');"
                + " const a = m.getBoundingClientRect(), b = list.getBoundingClientRect();"
                + " return a.bottom > b.top && a.top < b.bottom"
                + " && a.top >= 0 && a.bottom <= window.innerHeight;",
            seq);
    return Boolean.TRUE.equals(inside);
  }

  private static String word() {
    StringBuilder word = new StringBuilder("qz");
    for (int i = 0; i < 10; i++) {
      word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return word.toString();
  }
}
