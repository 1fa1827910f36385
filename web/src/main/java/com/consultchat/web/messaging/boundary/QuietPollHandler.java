package com.consultchat.web.messaging.boundary;

import com.consultchat.platform.boundary.Settings;
import com.consultchat.web.messaging.control.QuietPolls;
import com.consultchat.web.platform.boundary.SecurityHeadersFilter;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import jakarta.servlet.ServletContext;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers a quiet poll ({@link QuietPolls}) as the request arrives, before Undertow restores the
 * session, Jakarta Security and the filters run, RESTEasy and CDI's request scope start; anything
 * else, and any poll it cannot answer, goes on to the full stack unchanged. It only reads memory
 * and hands the answer to Undertow's non-blocking sender, so it may run on an I/O thread.
 */
final class QuietPollHandler implements HttpHandler {

  /** The servlet context attribute holding {@link Beans}. */
  static final String BEANS = QuietPollHandler.class.getName();

  /** What the handler asks, set by {@link QuietPollSetup} once CDI has made it. */
  record Beans(QuietPolls polls, Settings settings) {}

  private static final Pattern POLL =
      Pattern.compile("/api/conversations/([1-9][0-9]{0,17})/frames");
  private static final HttpString VERSION = new HttpString(PollingResource.VERSION_HEADER);
  private static final String DEFAULT_COOKIE = "JSESSIONID";

  private final HttpHandler next;
  private final ServletContext context;

  QuietPollHandler(HttpHandler next, ServletContext context) {
    this.next = next;
    this.context = context;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    if (!Methods.GET.equals(exchange.getRequestMethod())
        || !(context.getAttribute(BEANS) instanceof Beans beans)) {
      next.handleRequest(exchange);
      return;
    }
    Optional<String> answer = answer(exchange, beans.polls());
    if (answer.isEmpty()) {
      next.handleRequest(exchange);
      return;
    }
    HeaderMap headers = exchange.getResponseHeaders();
    SecurityHeadersFilter.dataAnswer(
        (name, value) -> headers.put(HttpString.tryFromString(name), value),
        beans.settings().https());
    headers.put(Headers.CONTENT_TYPE, "application/json");
    headers.put(VERSION, exchange.getQueryParameters().get("v").getFirst());
    exchange.getResponseSender().send(answer.get(), StandardCharsets.UTF_8);
  }

  private Optional<String> answer(HttpServerExchange exchange, QuietPolls polls) {
    Matcher poll = POLL.matcher(exchange.getRelativePath());
    Deque<String> version = exchange.getQueryParameters().get("v");
    String session = sessionId(exchange);
    if (!poll.matches() || version == null || version.size() != 1 || session == null) {
      return Optional.empty();
    }
    return polls.answer(session, Long.parseLong(poll.group(1)), version.getFirst());
  }

  /** The session the cookie names, without the route a cluster's balancer may have added. */
  private String sessionId(HttpServerExchange exchange) {
    String name = context.getSessionCookieConfig().getName();
    Cookie cookie = exchange.getRequestCookie(name == null ? DEFAULT_COOKIE : name);
    if (cookie == null || cookie.getValue() == null || cookie.getValue().isEmpty()) {
      return null;
    }
    String value = cookie.getValue();
    int route = value.indexOf('.');
    return route < 0 ? value : value.substring(0, route);
  }
}
