package com.consultchat.web.messaging.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameCodecTest {

  @Test
  void aBusyErrorCarriesItsRetryAfterAndOtherErrorsLeaveItOut() {
    String busy = FrameCodec.encode(ServerFrame.Problem.busy("c-1", 3));
    String refused = FrameCodec.encode(new ServerFrame.Problem("invalid", "Too long.", "c-2"));

    assertThat(busy)
        .contains("\"type\":\"error\"", "\"code\":\"busy\"", "\"clientId\":\"c-1\"")
        .contains("\"retryAfter\":3");
    assertThat(refused).contains("\"code\":\"invalid\"").doesNotContain("retryAfter");
  }
}
