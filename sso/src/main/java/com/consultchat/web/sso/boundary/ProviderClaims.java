package com.consultchat.web.sso.boundary;

import com.consultchat.account.boundary.ProviderIdentity;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads who the person is from the provider's ID token: its issuer and subject, the suggested
 * username and name, and the values of the role claim, which may be a list, a space- or
 * comma-separated string, or nested ({@code realm_access.roles}).
 */
final class ProviderClaims {

  private ProviderClaims() {}

  /**
   * @param claim a claim of the ID token by name (null when it has none)
   * @param fallback the same of the access token, for the role claim only: some providers put roles
   *     there alone
   */
  static ProviderIdentity identity(
      Function<String, Object> claim, Function<String, Object> fallback, String roleClaim) {
    Set<String> roles = values(claim, roleClaim);
    if (roles.isEmpty()) {
      roles = values(fallback, roleClaim);
    }
    return new ProviderIdentity(
        text(claim.apply("iss")),
        text(claim.apply("sub")),
        text(claim.apply("preferred_username")),
        text(claim.apply("email")),
        text(claim.apply("name")),
        roles);
  }

  static Set<String> values(Function<String, Object> claim, String path) {
    String[] names = path.split("\\.");
    Object value = claim.apply(names[0]);
    for (int i = 1; i < names.length && value != null; i++) {
      value = value instanceof Map<?, ?> map ? map.get(names[i]) : null;
    }
    Set<String> values = new LinkedHashSet<>();
    if (value instanceof Collection<?> list) {
      list.stream().filter(item -> item != null).forEach(item -> values.add(item.toString()));
    } else if (value instanceof String words) {
      for (String word : words.split("[\\s,]+")) {
        if (!word.isEmpty()) {
          values.add(word);
        }
      }
    }
    return values;
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
