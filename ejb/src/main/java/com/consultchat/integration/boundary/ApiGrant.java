package com.consultchat.integration.boundary;

import com.consultchat.account.boundary.Caller;
import java.util.Set;

/** What a valid token lets its bearer do: act as {@code caller}, within {@code scopes}. */
public record ApiGrant(long tokenId, Caller caller, Set<ApiScope> scopes) {

  public boolean allows(ApiScope scope) {
    return scopes.contains(scope);
  }
}
