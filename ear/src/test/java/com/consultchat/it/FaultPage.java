package com.consultchat.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.logging.LogEntry;

/**
 * One person's chat page in headless Chromium on the fault server, counting from DevTools network
 * events the message frames it sends, over the socket and over polling alike.
 */
final class FaultPage implements AutoCloseable {

  final Browser browser;
  final FaultStack.Person person;
  private long sendFrames;

  FaultPage(String name, FaultStack.Person person) {
    this.person = person;
    this.browser = new Browser(name, 1000, 800, FaultServer.BASE_URL, true);
  }

  void logIn() {
    browser.logIn(person.web().username, FaultStack.PATIENT_PASSWORD);
  }

  /** Opens the person's chat and waits until it is live (over a socket or polling). */
  void openChat() {
    browser.open("/consultation/chat.xhtml?id=" + consultationId());
    browser.waitForText("#connection", "Live");
  }

  private long consultationId() {
    return FaultDatabase.count(
        "select id from consultation where conversation_id = ?", person.conversation());
  }

  void write(String text) {
    browser.type("#composer-input", text);
    browser.find("#composer-input").sendKeys(Keys.ENTER);
  }

  int outboxShown() {
    return browser.driver.findElements(By.cssSelector(".msg.outbox")).size();
  }

  String connectionState() {
    return browser.driver.findElement(By.cssSelector("#connection")).getAttribute("data-state");
  }

  boolean atLogin() {
    return browser.driver.getCurrentUrl().contains("/login.xhtml");
  }

  String url() {
    return browser.driver.getCurrentUrl();
  }

  /** Switches the page's network off or on, as DevTools does. */
  void offline(boolean offline) {
    browser.offline(offline);
  }

  /**
   * Message frames ({@code type: send}) the page has sent so far: socket frames
   * (Network.webSocketFrameSent) and the frames inside each POST of the polling transport.
   */
  long sendFrames() {
    for (LogEntry entry : browser.driver.manage().logs().get("performance").getAll()) {
      JsonObject message =
          Json.createReader(new StringReader(entry.getMessage()))
              .readObject()
              .getJsonObject("message");
      String method = message.getString("method", "");
      JsonObject params = message.getJsonObject("params");
      if ("Network.webSocketFrameSent".equals(method)) {
        String payload = params.getJsonObject("response").getString("payloadData", "");
        if (payload.startsWith("{") && isSend(readObject(payload))) {
          sendFrames++;
        }
      } else if ("Network.requestWillBeSent".equals(method)) {
        JsonObject request = params.getJsonObject("request");
        if (request.getString("url", "").endsWith("/api/frames")
            && request.containsKey("postData")) {
          JsonArray frames =
              Json.createReader(new StringReader(request.getString("postData"))).readArray();
          sendFrames += frames.stream().filter(f -> isSend(f.asJsonObject())).count();
        }
      }
    }
    return sendFrames;
  }

  private static JsonObject readObject(String json) {
    return Json.createReader(new StringReader(json)).readObject();
  }

  private static boolean isSend(JsonObject frame) {
    JsonValue type = frame.get("type");
    return type != null && "\"send\"".equals(type.toString());
  }

  @Override
  public void close() {
    browser.close();
  }
}
