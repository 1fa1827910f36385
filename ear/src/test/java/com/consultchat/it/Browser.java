package com.consultchat.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/** One headless Chromium, as one person at one screen, saving screenshots for people to look at. */
final class Browser implements AutoCloseable {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final Path SCREENSHOTS =
      Path.of(System.getProperty("it.screenshots", "target/screenshots"));

  final ChromeDriver driver;
  private final String name;
  private final String base;

  Browser(String name, int width, int height) {
    this(name, width, height, TestServer.BASE_URL, false);
  }

  /**
   * A browser on the server at {@code base}; with {@code recordNetwork}, ChromeDriver keeps the
   * DevTools network events (frames sent, requests) in its performance log for the test to read.
   */
  Browser(String name, int width, int height, String base, boolean recordNetwork) {
    this(name, width, height, base, recordNetwork, "en-GB");
  }

  /** A browser whose person reads {@code language} (e.g. "de-DE"), as its requests say. */
  static Browser speaking(String language, String name, int width, int height) {
    return new Browser(name, width, height, TestServer.BASE_URL, false, language);
  }

  private Browser(
      String name, int width, int height, String base, boolean recordNetwork, String language) {
    this.name = name;
    this.base = base;
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("it.chrome.binary", "/usr/bin/chromium"));
    options.setCapability(
        "goog:loggingPrefs",
        recordNetwork ? Map.of("browser", "ALL", "performance", "ALL") : Map.of("browser", "ALL"));
    try {
      options.addArguments(
          "--headless=new",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-dev-shm-usage",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--lang=" + language,
          // As on a person's computer: no sound until they click or type on the page.
          "--autoplay-policy=user-gesture-required",
          // A microphone that plays a tone and no permission prompt, for voice notes.
          "--use-fake-device-for-media-stream",
          "--use-fake-ui-for-media-stream",
          "--user-data-dir=" + Files.createTempDirectory("consultchat-chrome-"),
          "--window-size=" + width + "," + height);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // Headless Chromium takes the Accept-Language header from this preference, not from --lang.
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                new File(System.getProperty("it.chrome.driver", "/usr/bin/chromedriver")))
            .usingAnyFreePort()
            .build();
    driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(width, height));
  }

  void open(String path) {
    driver.get(base + path);
  }

  WebElement find(String css) {
    return waitUntil(d -> d.findElement(By.cssSelector(css)));
  }

  void type(String css, String text) {
    WebElement field = find(css);
    field.clear();
    field.sendKeys(text);
  }

  /**
   * Clicks as a person would after bringing the control to the middle of the window: at the bottom
   * edge it may lie under a toast, which a person would simply scroll past.
   */
  void click(String css) {
    clickInTheMiddle(find(css));
  }

  private void clickInTheMiddle(WebElement target) {
    driver.executeScript(
        "arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", target);
    target.click();
  }

  /**
   * Clicks a control inside a part of the page that the server refreshes on its own (a queue of
   * reports, say): a refresh between finding the control and clicking it replaces it, so it is
   * found again and clicked then, as a person would click the new one.
   */
  void clickRefreshed(String css) {
    waitUntil(
        d -> {
          clickInTheMiddle(d.findElement(By.cssSelector(css)));
          return true;
        });
  }

  /** Waits for the condition; on failure leaves a screenshot and the page's console behind. */
  <T> T waitUntil(Function<WebDriver, T> condition) {
    return waitUntil(WAIT, condition);
  }

  /** As {@link #waitUntil(Function)}, for waits that are long by design (a reconnect backoff). */
  <T> T waitUntil(Duration wait, Function<WebDriver, T> condition) {
    try {
      return new WebDriverWait(driver, wait).ignoring(RuntimeException.class).until(condition);
    } catch (TimeoutException e) {
      screenshot("failure-" + System.currentTimeMillis());
      String console =
          driver.manage().logs().get(LogType.BROWSER).getAll().stream()
              .map(LogEntry::toString)
              .collect(Collectors.joining("\n"));
      throw new TimeoutException(
          e.getMessage() + "\nBrowser console of " + name + ":\n" + console, e);
    }
  }

  void waitForText(String css, String text) {
    waitUntil(d -> d.findElement(By.cssSelector(css)).getText().contains(text) ? true : null);
  }

  /** Logs in on the login page and waits for the page the login leads to. */
  void logIn(String username, String password) {
    open("/login.xhtml");
    type("#login\\:username", username);
    type("#login\\:password", password);
    click("#login\\:submit");
    find("#connection");
  }

  /** Logs out from the user menu of the top bar. */
  void logOut() {
    click("#user-menu summary");
    click("#session\\:logout");
  }

  /** From now on the browser lives in this time zone, as a person abroad would. */
  void timeZone(String zone) {
    driver.executeCdpCommand("Emulation.setTimezoneOverride", Map.of("timezoneId", zone));
  }

  /** Switches the page's network off or on, as DevTools does (its service worker stays online). */
  void offline(boolean offline) {
    pageOffline(offline);
  }

  /**
   * Switches the network off or on for the page and for its service worker, whose own fetches (the
   * pages it keeps) the page's DevTools switch does not reach: the browser as a whole is offline.
   */
  void offlineWithWorker(boolean offline) {
    // Back online, the worker first: a page that sees the network return acts at once, and its
    // worker must be online by then.
    if (offline) {
      pageOffline(true);
      workersOffline(true);
    } else {
      workersOffline(false);
      pageOffline(false);
    }
  }

  private void pageOffline(boolean offline) {
    driver.executeCdpCommand("Network.enable", Map.of());
    driver.executeCdpCommand(
        "Network.emulateNetworkConditions",
        Map.of("offline", offline, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
  }

  private final Map<String, String> workerSessions = new HashMap<>();

  @SuppressWarnings("unchecked")
  private void workersOffline(boolean offline) {
    List<Map<String, Object>> targets =
        (List<Map<String, Object>>)
            driver.executeCdpCommand("Target.getTargets", Map.of()).get("targetInfos");
    for (Map<String, Object> target : targets) {
      if (!"service_worker".equals(target.get("type"))) {
        continue;
      }
      // One session per worker, kept: a second one would leave the first one's setting behind.
      String session =
          workerSessions.computeIfAbsent(
              (String) target.get("targetId"),
              id ->
                  (String)
                      driver
                          .executeCdpCommand(
                              "Target.attachToTarget", Map.of("targetId", id, "flatten", false))
                          .get("sessionId"));
      toTarget(session, 1, "Network.enable", "{}");
      toTarget(
          session,
          2,
          "Network.emulateNetworkConditions",
          "{\"offline\":"
              + offline
              + ",\"latency\":0,\"downloadThroughput\":-1,\"uploadThroughput\":-1}");
    }
  }

  private void toTarget(String session, int id, String method, String params) {
    driver.executeCdpCommand(
        "Target.sendMessageToTarget",
        Map.of(
            "sessionId",
            session,
            "message",
            "{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}"));
  }

  /**
   * From the next page on, every socket fails as a proxy that breaks sockets makes it: HTTP only.
   */
  void failSockets() {
    driver.executeCdpCommand(
        "Page.addScriptToEvaluateOnNewDocument", Map.of("source", FAILING_SOCKETS));
  }

  private static final String FAILING_SOCKETS =
      "window.WebSocket = class {"
          + " static CONNECTING = 0; static OPEN = 1; static CLOSING = 2; static CLOSED = 3;"
          + " constructor() { this.readyState = 0; this.listeners = {};"
          + "  setTimeout(() => { this.readyState = 3;"
          + "   (this.listeners.close || []).forEach(f => f({ code: 1006 })); }, 50); }"
          + " addEventListener(type, f) { (this.listeners[type] = this.listeners[type] || []).push(f); }"
          + " send() { throw new Error('not open'); }"
          + " close() {} };";

  void screenshot(String label) {
    try {
      Files.createDirectories(SCREENSHOTS);
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Files.copy(
          shot.toPath(),
          SCREENSHOTS.resolve(label + "-" + name + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The whole page, below the fold too, as one image. */
  @SuppressWarnings("unchecked")
  void wholePage(String label) {
    Map<String, Object> size =
        (Map<String, Object>)
            driver.executeCdpCommand("Page.getLayoutMetrics", Map.of()).get("cssContentSize");
    Object shot =
        driver
            .executeCdpCommand(
                "Page.captureScreenshot",
                Map.of(
                    "format",
                    "png",
                    "captureBeyondViewport",
                    true,
                    "clip",
                    Map.of(
                        "x",
                        0,
                        "y",
                        0,
                        // The window's width: captured beyond the viewport, the page has no
                        // scroll bar and is laid out over all of it.
                        "width",
                        driver.executeScript("return window.innerWidth"),
                        "height",
                        size.get("height"),
                        "scale",
                        1)))
            .get("data");
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(
          SCREENSHOTS.resolve(label + "-" + name + ".png"),
          java.util.Base64.getDecoder().decode((String) shot));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Quits; fails the test if any page refused a script or a connection under the
   * Content-Security-Policy, which would mean something on it silently does not work.
   */
  @Override
  public void close() {
    List<String> refused;
    try {
      refused =
          driver.manage().logs().get(LogType.BROWSER).getAll().stream()
              .map(LogEntry::getMessage)
              .filter(message -> message.contains("Content Security Policy"))
              .toList();
    } finally {
      driver.quit();
    }
    if (!refused.isEmpty()) {
      throw new AssertionError(
          "The pages of "
              + name
              + " broke their Content-Security-Policy:\n"
              + String.join("\n", refused));
    }
  }
}
