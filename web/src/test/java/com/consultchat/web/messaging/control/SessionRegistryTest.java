package com.consultchat.web.messaging.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.consultchat.account.boundary.Caller;
import com.consultchat.account.boundary.Role;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SessionRegistryTest {

  static final Caller ANNA = new Caller(1, "anna", "Anna", Role.PATIENT);
  static final Caller BEN = new Caller(2, "ben", "Dr Ben", Role.STAFF);

  private final SessionRegistry registry = new SessionRegistry();

  @Test
  void aSocketIsFoundBySessionAndByItsPerson() {
    FakeSocket first = new FakeSocket("s1");
    FakeSocket second = new FakeSocket("s2");
    SessionChannel one = registry.open(first.session, ANNA);
    SessionChannel two = registry.open(second.session, ANNA);
    SessionChannel other = registry.open(new FakeSocket("s3").session, BEN);

    assertThat(registry.channel(first.session)).isSameAs(one);
    assertThat(registry.socketsOf(ANNA.id())).containsExactlyInAnyOrder(one, two);
    assertThat(registry.socketsOf(BEN.id())).containsExactly(other);
    assertThat(registry.socketsOf(99)).isEmpty();
    assertThat(registry.people()).containsExactlyInAnyOrder(ANNA.id(), BEN.id());
  }

  @Test
  void aSocketFollowsTheConversationsItAskedAbout() {
    SessionChannel anna = registry.open(new FakeSocket("s1").session, ANNA);
    SessionChannel ben = registry.open(new FakeSocket("s2").session, BEN);

    registry.follow(anna, 10);
    registry.follow(anna, 10);
    registry.follow(ben, 10);
    registry.follow(ben, 11);

    assertThat(registry.following(10)).containsExactlyInAnyOrder(anna, ben);
    assertThat(registry.following(11)).containsExactly(ben);
    assertThat(registry.following(12)).isEmpty();
  }

  @Test
  void aClosedSocketLeavesEveryIndex() {
    FakeSocket socket = new FakeSocket("s1");
    SessionChannel anna = registry.open(socket.session, ANNA);
    registry.follow(anna, 10);

    assertThat(registry.closed(socket.session)).isSameAs(anna);

    assertThat(registry.channel(socket.session)).isNull();
    assertThat(registry.socketsOf(ANNA.id())).isEmpty();
    assertThat(registry.following(10)).isEmpty();
    assertThat(registry.people()).isEmpty();
    assertThat(registry.sockets()).isEmpty();
    assertThat(registry.closed(socket.session)).isNull();
  }

  @Test
  void aSocketThatClosedBeforeItFollowedIsNotIndexed() {
    FakeSocket socket = new FakeSocket("s1");
    SessionChannel anna = registry.open(socket.session, ANNA);
    registry.closed(socket.session);

    registry.follow(anna, 10);

    assertThat(registry.following(10)).isEmpty();
  }

  @Test
  void waitingForTheLastSocketEndsWhenItCloses() throws InterruptedException {
    assertThat(registry.awaitEmpty(0)).isTrue();
    FakeSocket socket = new FakeSocket("s1");
    registry.open(socket.session, ANNA);
    assertThat(registry.awaitEmpty(TimeUnit.MILLISECONDS.toNanos(10))).isFalse();

    Thread closer = new Thread(() -> registry.closed(socket.session));
    closer.start();

    assertThat(registry.awaitEmpty(TimeUnit.SECONDS.toNanos(10))).isTrue();
    closer.join();
  }
}
