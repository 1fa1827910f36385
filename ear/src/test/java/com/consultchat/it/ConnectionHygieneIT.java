package com.consultchat.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionHygieneIT {

  /**
   * Longer than the HTTP listener's 60-second no-request timeout, shorter than the socket limit.
   */
  private static final Duration QUIET = Duration.ofSeconds(65);

  @Test
  void aQuietSocketIsNotCutByTheHttpListenersTimeouts() throws Exception {
    try (SocketClient socket = SocketClient.open(WebClient.newPatient())) {
      assertThat(
              socket
                  .closed
                  .completeOnTimeout(-2, QUIET.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)
                  .get())
          .as("no close within %s", QUIET)
          .isEqualTo(-2);

      socket.sendFrame(Map.of("type", "ping"));

      assertThat(socket.next("pong").getString("type")).isEqualTo("pong");
    }
  }
}
