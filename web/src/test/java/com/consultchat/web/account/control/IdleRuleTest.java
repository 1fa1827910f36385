package com.consultchat.web.account.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdleRuleTest {

  private static final long MINUTE = 60_000;

  @Test
  void pagesFormPostsAndTheActivityReportAreActivity() {
    assertThat(IdleRule.isActivity("/patient/home.xhtml")).isTrue();
    assertThat(IdleRule.isActivity("/consultation/chat.xhtml")).isTrue();
    assertThat(IdleRule.isActivity("/api/session/activity")).isTrue();
  }

  @Test
  void heartbeatsPollsAndFramesAreNot() {
    assertThat(IdleRule.isActivity("/ws/chat")).isFalse();
    assertThat(IdleRule.isActivity("/api/frames")).isFalse();
    assertThat(IdleRule.isActivity("/api/conversations/12/frames")).isFalse();
    assertThat(IdleRule.isActivity("/api/session/logoff")).isFalse();
    assertThat(IdleRule.isActivity("/js/app.js")).isFalse();
  }

  @Test
  void theSessionEndsOnceThePersonWasIdleForTheLimit() {
    long last = 1_000 * MINUTE;

    assertThat(IdleRule.expired(last, last + 15 * MINUTE - 1, 15 * MINUTE)).isFalse();
    assertThat(IdleRule.expired(last, last + 15 * MINUTE, 15 * MINUTE)).isTrue();
    assertThat(IdleRule.expired(null, last + 60 * MINUTE, 15 * MINUTE)).isFalse();
  }
}
