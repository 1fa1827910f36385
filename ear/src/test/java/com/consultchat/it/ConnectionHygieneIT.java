package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class ConnectionHygieneIT {

  /**
   * Longer than the HTTP listener's 60-second no-request timeout, shorter than the socket limit.
   */
  private static final Duration QUIET = Duration.ofSeconds(65);

  @Test
  void aQuietSocketIsNotCutByTheHttpListenersTimeouts() {
    try (SocketClient socket = SocketClient.open(WebClient.newPatient())) {
      assertThatThrownBy(() -> socket.closed.get(QUIET.toSeconds(), TimeUnit.SECONDS))
          .as("the socket stays open for %s", QUIET)
          .isInstanceOf(TimeoutException.class);

      socket.sendFrame(Map.of("type", "ping"));

      assertThat(socket.next("pong").getString("type")).isEqualTo("pong");
    }
  }
}
