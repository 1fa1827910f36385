package com.consultchat.messaging.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consultchat.account.entity.Account;
import com.consultchat.account.entity.Role;
import com.consultchat.platform.entity.Refused;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageTest {

  @Test
  void emptyAndBlankMessagesAreRefused() {
    assertThatThrownBy(() -> Message.checkBody("", 4000)).hasMessage("A message cannot be empty.");
    assertThatThrownBy(() -> Message.checkBody(" \n\t", 4000)).isInstanceOf(Refused.class);
    assertThatThrownBy(() -> Message.checkBody(null, 4000)).isInstanceOf(Refused.class);
  }

  @Test
  void theLimitCountsCharactersNotUtf16Units() {
    String fourThousandEmoji = "\uD83D\uDE00".repeat(4000);

    assertThatCode(() -> Message.checkBody(fourThousandEmoji, 4000)).doesNotThrowAnyException();
    assertThatThrownBy(() -> Message.checkBody(fourThousandEmoji + "!", 4000))
        .hasMessageContaining("at most 4000 characters; this one has 4001");
  }

  @Test
  void clientIdsMustBeUuids() {
    UUID id = UUID.randomUUID();
    assertThat(Message.clientId(id.toString())).isEqualTo(id);
    assertThatThrownBy(() -> Message.clientId("42")).hasMessageContaining("UUID");
    assertThatThrownBy(() -> Message.clientId(null)).isInstanceOf(Refused.class);
  }

  @Test
  void aResendIsTheSameMessageOnlyWithTheSameBodyInTheSameConversation() {
    Account sender = new Account("pat", "Pat", "hash", Role.PATIENT, Instant.EPOCH);
    Message message = Message.text(7, 1, sender, UUID.randomUUID(), "hello", Instant.EPOCH);

    assertThat(message.sameAs(7, "hello")).isTrue();
    assertThat(message.sameAs(7, "hello!")).isFalse();
    assertThat(message.sameAs(8, "hello")).isFalse();
  }

  @Test
  void aModeratorRemovesAMessageOnceAndTheChangeIsNumbered() {
    Account sender = new Account("pat", "Pat", "hash", Role.PATIENT, Instant.EPOCH);
    Message message = Message.text(7, 1, sender, UUID.randomUUID(), "spam", Instant.EPOCH);

    assertThat(message.removeByModerator(9, 1, Instant.EPOCH)).isTrue();
    assertThat(message.removeByModerator(9, 2, Instant.EPOCH)).isFalse();
    assertThat(message.isRemoved()).isTrue();
  }

  @Test
  void kindsAreReadCaseInsensitivelyAndTextByDefault() {
    assertThat(MessageKind.parse(null)).isEqualTo(MessageKind.TEXT);
    assertThat(MessageKind.parse(" recommendation ")).isEqualTo(MessageKind.RECOMMENDATION);
    assertThatThrownBy(() -> MessageKind.parse("SHOUT")).isInstanceOf(Refused.class);
  }

  @Test
  void aResendOfAnotherKindIsNotTheSameMessage() {
    Account sender = new Account("doc", "Doc", "hash", Role.STAFF, Instant.EPOCH);
    Message message =
        Message.of(7, 1, sender, UUID.randomUUID(), MessageKind.NOTE, "rest", Instant.EPOCH);

    assertThat(message.sameAs(7, MessageKind.NOTE, "rest")).isTrue();
    assertThat(message.sameAs(7, MessageKind.TEXT, "rest")).isFalse();
  }
}
