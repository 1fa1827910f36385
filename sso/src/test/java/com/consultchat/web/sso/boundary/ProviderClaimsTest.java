package com.consultchat.web.sso.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.consultchat.account.boundary.ProviderIdentity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProviderClaimsTest {

  @Test
  void theIdTokensClaimsNameThePerson() {
    Map<String, Object> idToken =
        Map.of(
            "iss", "https://login.example.org/realms/clinic",
            "sub", "f3a1",
            "preferred_username", "pat",
            "email", "pat@example.org",
            "name", "Pat Portal",
            "roles", List.of("staff", "offline_access"));
    ProviderIdentity who = ProviderClaims.identity(idToken::get, name -> null, "roles");
    assertThat(who.issuer()).isEqualTo("https://login.example.org/realms/clinic");
    assertThat(who.subject()).isEqualTo("f3a1");
    assertThat(who.preferredUsername()).isEqualTo("pat");
    assertThat(who.email()).isEqualTo("pat@example.org");
    assertThat(who.name()).isEqualTo("Pat Portal");
    assertThat(who.roles()).containsExactlyInAnyOrder("staff", "offline_access");
  }

  @Test
  void rolesMayBeNestedSpaceSeparatedOrOnlyInTheAccessToken() {
    Map<String, Object> nested = Map.of("realm_access", Map.of("roles", List.of("admin")));
    assertThat(ProviderClaims.values(nested::get, "realm_access.roles")).containsExactly("admin");
    assertThat(
            ProviderClaims.values(Map.<String, Object>of("groups", "staff, nurses")::get, "groups"))
        .containsExactly("staff", "nurses");
    assertThat(ProviderClaims.identity(name -> null, nested::get, "realm_access.roles").roles())
        .containsExactly("admin");
    assertThat(ProviderClaims.values(name -> null, "roles")).isEmpty();
    assertThat(ProviderClaims.values(Map.<String, Object>of("roles", 42)::get, "roles")).isEmpty();
  }
}
