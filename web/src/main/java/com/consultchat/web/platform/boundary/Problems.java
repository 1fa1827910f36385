package com.consultchat.web.platform.boundary;

import com.consultchat.platform.boundary.RateLimited;
import com.consultchat.platform.boundary.Refused;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * How a refusal is told over HTTP and the socket alike: one code per reason, and for REST resources
 * a JSON body of the same shape as the chat's error frames ({@code {"code":…,"message":…,
 * "type":"error"}}), so the browser reads every refusal one way.
 */
public final class Problems {

  private static final Jsonb JSONB = JsonbBuilder.create();

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

  static String body(Refused refused) {
    return JSONB.toJson(new Body("error", code(refused), refused.getMessage()));
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

  static Response.Status status(Refused refused) {
    return switch (refused.reason()) {
      case INVALID -> Response.Status.BAD_REQUEST;
      case NOT_FOUND -> Response.Status.NOT_FOUND;
      case FORBIDDEN -> Response.Status.FORBIDDEN;
      case CONFLICT -> Response.Status.CONFLICT;
      case RATE_LIMITED -> Response.Status.TOO_MANY_REQUESTS;
    };
  }
}
