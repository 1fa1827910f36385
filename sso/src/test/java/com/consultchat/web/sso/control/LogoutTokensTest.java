package com.consultchat.web.sso.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

class LogoutTokensTest {

  private final LogoutTokens tokens = new LogoutTokens();

  @Test
  void onlyALogoutEventWithoutNonceCounts() {
    JwtClaims logout = new JwtClaims();
    logout.setClaim("events", Map.of(LogoutTokens.LOGOUT_EVENT, Map.of()));
    assertThat(LogoutTokens.logout(logout)).isTrue();

    JwtClaims idToken = new JwtClaims();
    idToken.setClaim("events", Map.of(LogoutTokens.LOGOUT_EVENT, Map.of()));
    idToken.setClaim("nonce", "n-0S6_WzA2Mj");
    assertThat(LogoutTokens.logout(idToken)).as("an ID token is no logout token").isFalse();

    JwtClaims other = new JwtClaims();
    other.setClaim("events", Map.of("http://schemas.openid.net/event/other", Map.of()));
    assertThat(LogoutTokens.logout(other)).isFalse();
    assertThat(LogoutTokens.logout(new JwtClaims())).isFalse();
  }

  @Test
  void malformedOrOversizedTokensAreRefusedBeforeAnyKeyIsFetched() {
    // The issuer is unreachable: a token that got as far as the signature check would fail there.
    String nowhere = "http://127.0.0.1:9/realms/none";
    assertThat(tokens.read(null, nowhere, "consultchat")).isEmpty();
    assertThat(tokens.read("", nowhere, "consultchat")).isEmpty();
    assertThat(tokens.read("x".repeat(20_000), nowhere, "consultchat")).isEmpty();
  }
}
