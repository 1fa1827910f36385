package com.consultchat.web.platform.boundary;

import com.consultchat.platform.boundary.RateLimited;
import com.consultchat.platform.boundary.Refused;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Optional;

/**
 * How a refusal is told over HTTP and the socket alike: one code per reason, and for REST resources
 * a JSON body of the same shape as the chat's error frames ({@code {"code":…,"message":…,
 * "type":"error"}}), so the browser reads every refusal one way.
 */
public final class Problems {

  private static final Jsonb JSONB = JsonbBuilder.create();

  /** The session attribute holding a person's chosen language (set by the account feature). */
  private static final String CHOSEN_LANGUAGE = "consultchat.language";

  /** The body; JSON-B writes its properties in alphabetical order. */
  public record Body(String type, String code, String message) {}

  private Problems() {}

  /** The refusal as an HTTP answer: its status, and its code and message as JSON. */
  public static Response of(Refused refused) {
    Response.ResponseBuilder response =
        Response.status(status(refused)).entity(body(refused)).type(MediaType.APPLICATION_JSON);
    if (refused instanceof RateLimited limited) {
      response.header("Retry-After", limited.retryAfterSeconds());
    }
    return response.build();
  }

  /** The body, its message in the language of the request being answered. */
  static String body(Refused refused) {
    return JSONB.toJson(new Body("error", code(refused), message(refused)));
  }

  /**
   * A refusal in the words of {@code locale}; one for sending too fast names the wait. Every edge
   * that tells refusals (error bodies, error frames) words them here.
   */
  public static String message(Words words, Locale locale, Refused refused) {
    if (refused instanceof RateLimited limited) {
      return words.format(locale, "refused.rate-limited", limited.retryAfterSeconds());
    }
    return words.refusal(locale, refused);
  }

  /**
   * The refusal in the language of the person whose request this is; as it is outside a request
   * (and in unit tests, which run without one).
   */
  static String message(Refused refused) {
    try {
      CDI<Object> cdi = CDI.current();
      HttpServletRequest request = cdi.select(HttpServletRequest.class).get();
      return message(cdi.select(Words.class).get(), language(request), refused);
    } catch (IllegalStateException | ContextNotActiveException outsideARequest) {
      return refused.getMessage();
    }
  }

  /** The code a refusal carries on the wire, in error frames and in error bodies. */
  public static String code(Refused refused) {
    return switch (refused.reason()) {
      case INVALID -> "invalid";
      case NOT_FOUND -> "not-found";
      case FORBIDDEN -> "forbidden";
      case CONFLICT -> "conflict";
      case RATE_LIMITED -> "rate-limited";
    };
  }

  /**
   * The language of a request that is no page: the one its person chose (kept in the session under
   * the account feature's {@code LanguageChoice.SESSION_KEY}), else their browser's.
   */
  static Locale language(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object chosen = session == null ? null : session.getAttribute(CHOSEN_LANGUAGE);
    return (chosen instanceof String tag ? Languages.of(tag) : Optional.<Locale>empty())
        .orElseGet(() -> Languages.best(request.getLocales()));
  }

  public static Response.Status status(Refused refused) {
    return switch (refused.reason()) {
      case INVALID -> Response.Status.BAD_REQUEST;
      case NOT_FOUND -> Response.Status.NOT_FOUND;
      case FORBIDDEN -> Response.Status.FORBIDDEN;
      case CONFLICT -> Response.Status.CONFLICT;
      case RATE_LIMITED -> Response.Status.TOO_MANY_REQUESTS;
    };
  }
}
