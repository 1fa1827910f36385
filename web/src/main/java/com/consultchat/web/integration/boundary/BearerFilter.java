package com.consultchat.web.integration.boundary;

import com.consultchat.integration.boundary.ApiGrant;
import com.consultchat.integration.boundary.ApiTokens;
import com.consultchat.web.integration.control.ApiProblems;
import com.consultchat.web.platform.boundary.Languages;
import com.consultchat.web.platform.boundary.Words;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Collections;
import java.util.Optional;

/**
 * The integration API's door: every request under {@code /api/v1} carries an API token as {@code
 * Authorization: Bearer cc_…}; the session cookie of a browser counts for nothing there, so no page
 * can be tricked into calling it on a person's behalf.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class BearerFilter implements ContainerRequestFilter {

  @Inject ApiTokens tokens;
  @Inject ApiCaller apiCaller;
  @Inject Words words;

  @Override
  public void filter(ContainerRequestContext request) {
    if (!request.getUriInfo().getPath().startsWith("v1/")
        && !request.getUriInfo().getPath().startsWith("/v1/")) {
      return;
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    Optional<ApiGrant> grant =
        header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? tokens.authenticate(header.substring(7).strip())
            : Optional.empty();
    if (grant.isEmpty()) {
      request.abortWith(
          Response.fromResponse(
                  ApiProblems.of(
                      Response.Status.UNAUTHORIZED,
                      "unauthorized",
                      words.get(
                          Languages.best(Collections.enumeration(request.getAcceptableLanguages())),
                          "api.unauthorized")))
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"consultchat\"")
              .build());
      return;
    }
    apiCaller.grant(grant.get());
  }
}
