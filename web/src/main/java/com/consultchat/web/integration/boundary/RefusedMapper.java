package com.consultchat.web.integration.boundary;

import com.consultchat.platform.boundary.RateLimited;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.web.integration.control.ApiProblems;
import com.consultchat.web.platform.boundary.Languages;
import com.consultchat.web.platform.boundary.Problems;
import com.consultchat.web.platform.boundary.Words;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Collections;

/**
 * A refusal that reaches the REST layer uncaught (the integration API lets them) becomes a problem
 * document in the caller's language, with the same code as the chat's error frames.
 */
@Provider
public class RefusedMapper implements ExceptionMapper<Refused> {

  @Inject Words words;
  @Context HttpHeaders headers;

  @Override
  public Response toResponse(Refused refused) {
    var language = Languages.best(Collections.enumeration(headers.getAcceptableLanguages()));
    Response problem =
        ApiProblems.of(
            Problems.status(refused), Problems.code(refused), words.refusal(language, refused));
    return refused instanceof RateLimited limited
        ? Response.fromResponse(problem).header("Retry-After", limited.retryAfterSeconds()).build()
        : problem;
  }
}
