package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Every page, as each kind of user sees it, at a phone's and a laptop's size, filled with the long
 * names and subjects real people have: nothing scrolls sideways, no control or heading lies over
 * another, no control sits outside the window or is cut off, no sentence is squeezed into a column
 * one word wide; and axe-core finds no serious or critical accessibility violation on it. In
 * German, at a phone's size. One browser per person, resized between the sizes; screenshots of
 * each.
 */
class LayoutBrowserIT {

  private static final int[][] PHONE_AND_LAPTOP = {{390, 844}, {1280, 800}};
  private static final int[][] PHONE = {{390, 844}};
  private static final String PATIENT_NAME = "Maximiliane Konstantinopoulou-Wetherington";
  private static final String STAFF_NAME = "Dr. Bartholomew Alexander Featherstonehaugh-Smythe";
  private static final String SUBJECT =
      "Recurring sharp pain in the lower right abdomen after meals, worse at night, for three weeks";
  private static final String ROOM =
      "Living well with type 2 diabetes, insulin pumps and continuous glucose monitors";
  private static final String PSEUDONYM = "Sunflower-Afternoon-Walker-1987";

  private static WebClient patient;
  private static WebClient staff;
  private static long consultation;
  private static long room;

  @BeforeAll
  static void seed() {
    patient = new WebClient(WebClient.unique("patient"));
    patient.signUp(patient.username, PATIENT_NAME, "a long enough password");
    staff = WebClient.newStaffCalled(TestServer.BASE_URL, STAFF_NAME);
    consultation = patient.requestConsultation(SUBJECT);
    staff.take(consultation);
    long conversation = patient.conversationOf(consultation);
    // Waiting in the queue, and a room to join: the pages' Take and Join buttons.
    patient.requestConsultation(SUBJECT + ", now with a swollen left ankle as well");
    Rooms.create(staff, "Asthma, allergies and hay fever in children and teenagers", true, false);
    room = Rooms.create(staff, ROOM, true, false);
    Rooms.join(patient, room, PSEUDONYM);
    long roomConversation = Rooms.conversation(patient, room);
    try (SocketClient patientSocket = SocketClient.open(patient);
        SocketClient staffSocket = SocketClient.open(staff)) {
      patientSocket.send(conversation, "It started after a long flight: " + "ouch".repeat(30));
      patientSocket.next("ack");
      staffSocket.send(conversation, "Thank you. Does it move to the right side when you walk?");
      staffSocket.next("ack");
      patientSocket.send(roomConversation, "Hello everyone, new here and a little overwhelmed.");
      patientSocket.next("ack");
    }
  }

  @Test
  void everyPageFitsAPhoneAndALaptop() {
    everyPageFits("en-GB", "", PHONE_AND_LAPTOP);
  }

  /**
   * German words run longer than English ones: the same pages must still fit where room is
   * shortest, on a phone. (A laptop's width held every German page in every run so far; each size
   * costs this test over a minute and a half.)
   */
  @Test
  void everyPageFitsAPhoneInGerman() {
    everyPageFits("de-DE", "de-", PHONE);
  }

  /** A page to check: the name of its screenshots, its address, and what shows it has loaded. */
  private record Page(String label, String path, String ready) {}

  private static void everyPageFits(String language, String prefix, int[][] sizes) {
    List<String> problems = new ArrayList<>();
    String chat = "/consultation/chat.xhtml?id=" + consultation;
    String transcript = "/consultation/transcript.xhtml?id=" + consultation;
    String roomPage = Rooms.path(room);

    try (Browser browser = Browser.speaking(language, "layout-" + prefix + "anonymous", 390, 844)) {
      checkAll(
          browser,
          sizes,
          problems,
          prefix,
          List.of(
              new Page("login", "/login.xhtml", "#login\\:submit"),
              new Page("signup", "/signup.xhtml", "#signup\\:submit"),
              new Page("privacy", "/privacy.xhtml", "main"),
              new Page("expired", "/expired.xhtml", "h1"),
              new Page("offline", "/offline.xhtml", "h1"),
              new Page("not-found", "/no-such-page.xhtml", "#error-title")));
    }
    try (Browser browser = Browser.speaking(language, "layout-" + prefix + "patient", 390, 844)) {
      browser.logIn(patient.username, "a long enough password");
      checkAll(
          browser,
          sizes,
          problems,
          prefix,
          List.of(
              new Page("patient-home", "/patient/home.xhtml", "#ask\\:submit"),
              new Page("patient-chat", chat, ".msg.theirs"),
              new Page("patient-transcript", transcript, "#transcript-subject"),
              new Page("patient-rooms", "/rooms/index.xhtml", ".room-item"),
              new Page("patient-room", roomPage, ".msg"),
              new Page("patient-settings", "/account/settings.xhtml", "form"),
              new Page("patient-password", "/account/password.xhtml", "form"),
              new Page("patient-two-step", "/account/two-step.xhtml", "form"),
              new Page("patient-data", "/account/data.xhtml", ".panel"),
              new Page("patient-search", "/search/index.xhtml?q=flight", ".search-hit")));
    }
    try (Browser browser = Browser.speaking(language, "layout-" + prefix + "staff", 390, 844)) {
      browser.logIn(staff.username, "a personal password");
      checkAll(
          browser,
          sizes,
          problems,
          prefix,
          List.of(
              new Page("staff-queue", "/staff/queue.xhtml", ".queue-item"),
              new Page("staff-chat", chat, ".msg.theirs"),
              new Page("staff-transcript", transcript, "#transcript-subject"),
              new Page("staff-snippets", "/staff/snippets.xhtml", ".panel"),
              new Page("staff-rooms", "/rooms/index.xhtml", ".room-item"),
              new Page("staff-room", roomPage, ".msg"),
              new Page("staff-settings", "/account/settings.xhtml", "form")));
    }
    try (Browser browser = Browser.speaking(language, "layout-" + prefix + "admin", 390, 844)) {
      browser.logIn("admin", TestServer.ADMIN_PASSWORD);
      checkAll(
          browser,
          sizes,
          problems,
          prefix,
          List.of(
              new Page("admin-accounts", "/admin/accounts.xhtml", ".panel"),
              new Page("admin-account", "/admin/account.xhtml?id=" + staff.accountId(), "h1"),
              new Page("admin-consultations", "/admin/consultations.xhtml", ".panel"),
              new Page("admin-audit", "/admin/audit.xhtml", ".panel"),
              new Page("admin-phrases", "/admin/phrases.xhtml", ".panel"),
              new Page("admin-rooms", "/admin/rooms.xhtml", ".panel"),
              new Page("admin-run-settings", "/admin/settings.xhtml", ".panel"),
              new Page("admin-retention", "/admin/retention.xhtml", ".panel"),
              new Page("admin-metrics", "/admin/metrics.xhtml", ".panel"),
              new Page("admin-erasure", "/admin/erasure.xhtml", ".panel"),
              new Page("admin-api-tokens", "/admin/api-tokens.xhtml", ".panel"),
              new Page("admin-webhooks", "/admin/webhooks.xhtml", ".panel"),
              new Page("admin-chat", chat, "#observed-messages .msg"),
              new Page("admin-transcript", transcript, "#transcript-subject"),
              new Page("admin-settings", "/account/settings.xhtml", "form"),
              new Page("admin-search", "/search/index.xhtml?q=hello", ".search-hit")));
    }
    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }

  private static void checkAll(
      Browser browser, int[][] sizes, List<String> problems, String prefix, List<Page> pages) {
    for (Page page : pages) {
      check(browser, sizes, problems, prefix + page.label(), page.path(), page.ready());
    }
  }

  @Test
  void onAPhoneTheUserMenuOpensFromTheTopBarAndLeadsToSettings() {
    try (Browser browser = new Browser("layout-menu", 390, 844)) {
      browser.logIn(patient.username, "a long enough password");
      userMenuIsReachable(browser);
    }
  }

  @Test
  void keyboardFocusShowsAsARingOnFieldsButtonsAndLinks() {
    try (Browser browser = new Browser("layout-focus", 1280, 800)) {
      browser.open("/login.xhtml");
      browser.find("#login\\:submit");
      List<String> focused = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        browser.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        @SuppressWarnings("unchecked")
        List<Object> ring =
            (List<Object>)
                browser.driver.executeScript(
                    "const e = document.activeElement, s = getComputedStyle(e);"
                        + " return [e.tagName.toLowerCase() + (e.id ? '#' + e.id : ''),"
                        + " s.outlineStyle, parseFloat(s.outlineWidth)];");
        focused.add(String.valueOf(ring.get(0)));
        assertThat(ring.get(1)).as("outline of %s", ring.get(0)).isNotEqualTo("none");
        assertThat(((Number) ring.get(2)).doubleValue())
            .as("outline width of %s", ring.get(0))
            .isGreaterThanOrEqualTo(2);
        if (i == 2) {
          browser.screenshot("layout-focus-ring");
        }
      }
      assertThat(focused)
          .contains("input#login:password", "button#login:submit")
          .anyMatch(name -> name.startsWith("a"));
    }
  }

  private static void userMenuIsReachable(Browser browser) {
    browser.open("/patient/home.xhtml");
    browser.click("#user-menu summary");
    for (String item : List.of("#user-menu-settings", "#user-menu-password")) {
      WebElement link = browser.find(item);
      assertThat(link.isDisplayed()).as(item).isTrue();
      assertThat(
              ((Number)
                      browser.driver.executeScript(
                          "return arguments[0].getBoundingClientRect().right", link))
                  .doubleValue())
          .as(item)
          .isLessThanOrEqualTo(390);
    }
    assertThat(browser.find("#session\\:logout").isDisplayed()).isTrue();
    browser.screenshot("layout-user-menu");
    browser.click("#user-menu-settings");
    browser.waitUntil(d -> d.getCurrentUrl().contains("/account/settings.xhtml") ? true : null);
  }

  /** Opens the page at both sizes, saves what it looks like and notes what is wrong with it. */
  private static void check(
      Browser browser,
      int[][] sizes,
      List<String> problems,
      String label,
      String path,
      String ready) {
    for (int[] size : sizes) {
      browser.driver.manage().window().setSize(new Dimension(size[0], size[1]));
      browser.open(path);
      browser.find(ready);
      browser.waitUntil(
          d ->
              "complete".equals(browser.driver.executeScript("return document.readyState"))
                  ? true
                  : null);
      String at = label + " at " + size[0] + "x" + size[1] + ": ";
      browser.driver.executeScript("window.scrollTo(0, 0)");
      browser.wholePage("layout-" + label + "-" + size[0]);
      @SuppressWarnings("unchecked")
      List<Object> found = (List<Object>) browser.driver.executeScript(PROBLEMS);
      found.forEach(problem -> problems.add(at + problem));
      Accessibility.violations(browser).forEach(problem -> problems.add(at + problem));
      for (WebElement line : browser.driver.findElements(By.cssSelector(".one-line"))) {
        if (line.isDisplayed() && !oneLine(browser, line)) {
          problems.add(at + "not on one line: " + line.getAttribute("id"));
        }
      }
    }
  }

  private static boolean oneLine(Browser browser, WebElement element) {
    return (Boolean)
        browser.driver.executeScript(
            "const e = arguments[0], s = getComputedStyle(e);"
                + " const line = parseFloat(s.lineHeight) || parseFloat(s.fontSize) * 1.5;"
                + " return e.getBoundingClientRect().height < line * 1.6;",
            element);
  }

  /**
   * Measures the page from inside: the sideways scroll, controls outside the window or cut off by a
   * box, controls and headings lying over each other, and sentences one word per line.
   */
  private static final String PROBLEMS =
      """
      const problems = [];
      const root = document.documentElement;
      const width = root.clientWidth;
      if (root.scrollWidth > width + 1) {
        problems.push('the page scrolls sideways: ' + root.scrollWidth + ' > ' + width);
      }
      const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
        + (typeof e.className === 'string' && e.className.trim()
            ? '.' + e.className.trim().split(/\\s+/).slice(0, 3).join('.') : '')
        + ' "' + (e.innerText || e.value || e.getAttribute('aria-label') || '').trim().slice(0, 30) + '"';
      const shown = e => {
        if (e.closest('[hidden], .ui-helper-hidden-accessible, .sr-only')) return false;
        if (!e.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
        const r = e.getBoundingClientRect();
        return r.width >= 1 && r.height >= 1;
      };
      const scroller = e => {
        for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
          const overflow = getComputedStyle(p).overflowX;
          if (overflow === 'auto' || overflow === 'scroll') return p;
        }
        return null;
      };
      const controls = [...document.querySelectorAll(
        'button, input:not([type=hidden]), select, textarea, .ui-selectonemenu, .ui-button')].filter(shown);
      for (const e of controls) {
        const r = e.getBoundingClientRect();
        const box = scroller(e);
        const outer = box ? box.getBoundingClientRect() : { left: 0, right: width };
        if (r.left < outer.left - 1 || r.right > outer.right + 1) {
          problems.push((box ? 'outside its scrolling box: ' : 'outside the window: ') + name(e)
            + ' [' + Math.round(r.left) + '..' + Math.round(r.right) + ']');
          continue;
        }
        const cell = e.closest('td, th');
        const cellBox = cell ? cell.getBoundingClientRect() : null;
        if (cellBox && (r.right > cellBox.right + 1 || r.left < cellBox.left - 1)) {
          problems.push('sticks out of its table cell: ' + name(e));
        }
        // Inside a card a control keeps clear of its edges.
        const card = e.closest('.panel, .card, .card-item');
        const cardBox = card ? card.getBoundingClientRect() : null;
        if (cardBox && (r.right > cardBox.right - 4 || r.left < cardBox.left + 4)) {
          problems.push('touches the edge of ' + name(card).slice(0, 40) + ': ' + name(e));
        }
        for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
          const s = getComputedStyle(p);
          if (s.overflowX === 'visible') continue;
          const c = p.getBoundingClientRect();
          if (r.right > c.right + 1 || r.left < c.left - 1) {
            problems.push('cut off by ' + name(p) + ': ' + name(e));
            break;
          }
        }
      }
      const things = [...document.querySelectorAll(
        'button, input:not([type=hidden]), select, textarea, a[href], h1, h2, h3, .ui-selectonemenu')]
        .filter(shown);
      for (let i = 0; i < things.length; i++) {
        for (let j = i + 1; j < things.length; j++) {
          const a = things[i], b = things[j];
          if (a.contains(b) || b.contains(a)) continue;
          const ra = a.getBoundingClientRect(), rb = b.getBoundingClientRect();
          const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left);
          const h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
          if (w > 2 && h > 2) problems.push('overlap: ' + name(a) + ' and ' + name(b));
        }
      }
      const inline = e => [...e.children].every(c => getComputedStyle(c).display.startsWith('inline'));
      for (const e of [...document.querySelectorAll('p, h1, h2, h3, li, dd, td, label, span')].filter(shown)) {
        const text = (e.innerText || '').trim();
        if (text.split(/\\s+/).length < 4 || !inline(e)) continue;
        const s = getComputedStyle(e);
        const line = parseFloat(s.lineHeight) || parseFloat(s.fontSize) * 1.5;
        const padding = parseFloat(s.paddingTop) + parseFloat(s.paddingBottom);
        const lines = Math.round((e.getBoundingClientRect().height - padding) / line);
        if (lines >= 3 && text.length / lines < 14) problems.push('squeezed, a word or two per line: ' + name(e));
      }
      return problems;
      """;
}
