package com.consultchat.messaging.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consultchat.messaging.boundary.Alias;
import com.consultchat.messaging.boundary.ChatMessage;
import com.consultchat.messaging.boundary.MessageKind;
import com.consultchat.messaging.boundary.MessagePosted;
import com.consultchat.messaging.entity.Message;
import com.consultchat.messaging.entity.Sender;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MessageStreamTest {

  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private static final long CONVERSATION = 7;
  private static final Set<Long> CLAIMED_MEMBERS = Set.of(1L, 2L, 3L);

  private final List<Object> persisted = new ArrayList<>();
  private final List<Object> fired = new ArrayList<>();
  private final List<String> transactionCalls = new ArrayList<>();
  private final MessageStream stream = new MessageStream();

  @BeforeEach
  void wire() {
    stream.em = recording(EntityManager.class, "persist", persisted);
    stream.notifications = recording(Event.class, "fire", fired);
    stream.transaction =
        (TransactionSynchronizationRegistry)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {TransactionSynchronizationRegistry.class},
                (proxy, method, args) -> {
                  transactionCalls.add(method.getName());
                  return null;
                });
    stream.clock = Clock.fixed(NOW, ZoneOffset.UTC);
    stream.log =
        new MessageLog() {
          @Override
          public Slot claim(long conversationId, int count) {
            return new Slot(41, false, CLAIMED_MEMBERS);
          }
        };
    stream.aliases =
        new Aliases() {
          @Override
          public Alias of(long conversationId, long accountId, String displayName) {
            return new Alias(900 + accountId, "Handle of " + displayName);
          }
        };
  }

  @Test
  void everyEntryIsStoredUnderItsNumberAndSentToTheMembersTheClaimSaw() {
    List<ChatMessage> published =
        stream.append(
            CONVERSATION,
            2,
            1,
            "Ann",
            (slot, sender, now) ->
                List.of(
                    post(slot.seq(), sender, now, "one"),
                    post(slot.seq() + 1, sender, now, "two")));

    assertThat(published).extracting(ChatMessage::seq).containsExactly(41L, 42L);
    assertThat(published).extracting(ChatMessage::senderName).containsOnly("Handle of Ann");
    assertThat(persisted).hasSize(2);
    assertThat(fired)
        .hasSize(2)
        .allSatisfy(
            event -> assertThat(((MessagePosted) event).recipients()).isEqualTo(CLAIMED_MEMBERS));
    assertThat(transactionCalls).isEmpty();
  }

  @Test
  void nothingWrittenRollsTheClaimBackAndAnnouncesNothing() {
    List<ChatMessage> published =
        stream.append(CONVERSATION, 1, 1, "Ann", (slot, s, n) -> List.of());

    assertThat(published).isEmpty();
    assertThat(persisted).isEmpty();
    assertThat(fired).isEmpty();
    assertThat(transactionCalls).containsExactly("setRollbackOnly");
  }

  @Test
  void claimedNumbersLeftUnusedWouldBeAGapAndAreRefused() {
    assertThatThrownBy(
            () ->
                stream.append(
                    CONVERSATION,
                    2,
                    1,
                    "Ann",
                    (slot, sender, now) -> List.of(post(slot.seq(), sender, now, "one"))))
        .isInstanceOf(IllegalStateException.class);
    assertThat(fired).isEmpty();
  }

  private static Message post(long seq, Sender sender, Instant now, String body) {
    return Message.post(CONVERSATION, seq, sender, UUID.randomUUID(), MessageKind.TEXT, body, now);
  }

  /** A stand-in that records the first argument of {@code method} and answers null otherwise. */
  @SuppressWarnings("unchecked")
  private <T> T recording(Class<?> type, String method, List<Object> calls) {
    return (T)
        Proxy.newProxyInstance(
            getClass().getClassLoader(),
            new Class<?>[] {type},
            (proxy, called, args) -> {
              if (called.getName().equals(method)) {
                calls.add(args[0]);
              }
              return null;
            });
  }
}
