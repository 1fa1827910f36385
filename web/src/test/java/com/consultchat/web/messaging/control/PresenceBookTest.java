package com.consultchat.web.messaging.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.consultchat.web.messaging.control.PresenceBook.State;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PresenceBookTest {

  private final AtomicLong now = new AtomicLong(1_000);
  private final PresenceBook book = new PresenceBook(now::get, TimeUnit.SECONDS.toNanos(10));

  @Test
  void aPersonIsOnlineWhileOneSocketIsInUseAndAwayWhenAllAreIdle() {
    assertThat(book.socketOpened(7)).contains(State.ONLINE);
    assertThat(book.socketOpened(7)).isEmpty();
    assertThat(book.socketAway(7, true)).isEmpty();
    assertThat(book.socketAway(7, true)).contains(State.AWAY);
    assertThat(book.socketAway(7, false)).contains(State.ONLINE);
    assertThat(book.socketAway(7, true)).contains(State.AWAY);
    assertThat(book.socketClosed(7, false)).isEmpty();
    assertThat(book.socketClosed(7, true)).contains(State.OFFLINE);
    assertThat(book.state(7)).isEqualTo(State.OFFLINE);
  }

  @Test
  void aPollingBrowserCountsUntilItMissesItsPolls() {
    assertThat(book.polled(3, false)).contains(State.ONLINE);
    now.addAndGet(TimeUnit.SECONDS.toNanos(9));
    assertThat(book.sweep()).isEmpty();
    assertThat(book.polled(3, true)).contains(State.AWAY);
    now.addAndGet(TimeUnit.SECONDS.toNanos(11));
    assertThat(book.sweep()).containsExactly(new PresenceBook.Change(3, State.OFFLINE));
    assertThat(book.state(3)).isEqualTo(State.OFFLINE);
  }

  @Test
  void closingASocketThatWasAwayLeavesTheOthersCountedRight() {
    book.socketOpened(5);
    book.socketOpened(5);
    book.socketAway(5, true);
    assertThat(book.socketClosed(5, true)).isEmpty();
    assertThat(book.state(5)).isEqualTo(State.ONLINE);
    assertThat(book.socketClosed(9, false)).isEqualTo(Optional.empty());
  }
}
