package com.consultchat.account.boundary;

import java.io.Serializable;
import java.util.Set;

/**
 * Who the site's identity provider says a person is, read from its signed ID token by the sign-on
 * module. {@code issuer} and {@code subject} name the person for good; the rest may change between
 * logins and only suggests the new account's username and name, and its role.
 */
public record ProviderIdentity(
    String issuer,
    String subject,
    String preferredUsername,
    String email,
    String name,
    Set<String> roles)
    implements Serializable {

  public ProviderIdentity {
    roles = roles == null ? Set.of() : Set.copyOf(roles);
  }
}
