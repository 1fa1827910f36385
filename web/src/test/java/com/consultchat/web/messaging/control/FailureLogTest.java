package com.consultchat.web.messaging.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FailureLogTest {

  private final List<String> lines = new ArrayList<>();
  private long now = 5_000_000_000L;
  private final FailureLog log = new FailureLog(() -> now, lines::add);

  @Test
  void theFirstFailureOfAKindIsWrittenAtOnceAndTheRestOncePerIntervalWithTheirCount() {
    log.note("class 55", "lock timeouts");
    for (int i = 0; i < 999; i++) {
      now += TimeUnit.MILLISECONDS.toNanos(10);
      log.note("class 55", "lock timeouts");
    }
    assertThat(lines).containsExactly("lock timeouts: 1 frame");

    now += TimeUnit.SECONDS.toNanos(21);
    log.note("class 55", "lock timeouts");

    assertThat(lines)
        .containsExactly("lock timeouts: 1 frame", "lock timeouts: 1000 frames in the last 30 s");
  }

  @Test
  void eachKindHasItsOwnInterval() {
    log.note("class 55", "lock timeouts");
    log.note("class 08", "lost connections");
    log.note("class 08", "lost connections");

    assertThat(lines).containsExactly("lock timeouts: 1 frame", "lost connections: 1 frame");
  }
}
