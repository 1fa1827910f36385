package com.consultchat.web.integration.control;

import jakarta.json.Json;
import jakarta.ws.rs.core.Response;

/** Errors of the integration API as RFC 9457 problem details, with the chat's refusal code. */
public final class ApiProblems {

  public static final String TYPE = "application/problem+json";

  private ApiProblems() {}

  public static Response of(Response.Status status, String code, String detail) {
    return Response.status(status)
        .type(TYPE)
        .entity(
            Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", status.getReasonPhrase())
                .add("status", status.getStatusCode())
                .add("code", code)
                .add("detail", detail)
                .build()
                .toString())
        .build();
  }
}
