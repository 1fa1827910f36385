package com.consultchat.web.integration.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.integration.boundary.ApiGrant;
import com.consultchat.integration.boundary.ApiScope;
import com.consultchat.platform.boundary.Refused;
import jakarta.enterprise.context.RequestScoped;

/** The system calling the API in this request, as its token lets it act. */
@RequestScoped
public class ApiCaller {

  private ApiGrant grant;

  void grant(ApiGrant grant) {
    this.grant = grant;
  }

  /** The account the token acts as, once its scopes allow {@code scope}. */
  public Caller caller(ApiScope scope) {
    if (grant == null) {
      throw new IllegalStateException("An API resource ran without the bearer filter");
    }
    if (!grant.allows(scope)) {
      throw Refused.forbidden("api.scope", scope.wireName());
    }
    return grant.caller();
  }
}
