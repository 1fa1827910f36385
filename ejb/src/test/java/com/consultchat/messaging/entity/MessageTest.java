package com.consultchat.messaging.entity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.consultchat.messaging.boundary.MessageKind;
import com.consultchat.platform.boundary.Refused;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MessageTest {

  @Test
  void emptyAndBlankMessagesAreRefused() {
    assertThatThrownBy(() -> Message.checkBody("", 4000)).hasMessage("message.empty");
    assertThatThrownBy(() -> Message.checkBody(" \n\t", 4000)).isInstanceOf(Refused.class);
    assertThatThrownBy(() -> Message.checkBody(null, 4000)).isInstanceOf(Refused.class);
  }

  @Test
  void theLimitCountsCharactersNotUtf16Units() {
    String fourThousandEmoji = "\uD83D\uDE00".repeat(4000);

    assertThatCode(() -> Message.checkBody(fourThousandEmoji, 4000)).doesNotThrowAnyException();
    assertThatThrownBy(() -> Message.checkBody(fourThousandEmoji + "!", 4000))
        .hasMessage("message.too-long")
        .satisfies(
            refused -> assertThat(((Refused) refused).arguments()).containsExactly(4000, 4001));
  }

  @Test
  void clientIdsMustBeUuids() {
    UUID id = UUID.randomUUID();
    assertThat(Message.clientId(id.toString())).isEqualTo(id);
    assertThatThrownBy(() -> Message.clientId("42")).hasMessage("message.client-id");
    assertThatThrownBy(() -> Message.clientId(null)).isInstanceOf(Refused.class);
  }

  @Test
  void aResendIsTheSameMessageOnlyWithTheSameBodyInTheSameConversation() {
    Sender sender = new Sender(1, "Pat");
    Message message = Message.text(7, 1, sender, UUID.randomUUID(), "hello", Instant.EPOCH);

    assertThat(message.sameAs(7, MessageKind.TEXT, null, "hello")).isTrue();
    assertThat(message.sameAs(7, MessageKind.TEXT, null, "hello!")).isFalse();
    assertThat(message.sameAs(8, MessageKind.TEXT, null, "hello")).isFalse();
  }

  @Test
  void theSenderEditsAndDeletesWithinTheWindowAndTheStreamSaysSo() {
    Sender sender = new Sender(1, "User 1");
    Message message = Message.text(7, 1, sender, UUID.randomUUID(), "helo", Instant.EPOCH);
    Duration window = Duration.ofMinutes(15);

    Message edit =
        Message.edit(message, 2, sender, UUID.randomUUID(), "hello", Instant.EPOCH, window);
    assertThat(edit.kind()).isEqualTo(MessageKind.EDIT);
    assertThat(edit.refSeq()).isEqualTo(1);
    assertThat(message.body()).isEqualTo("hello");
    assertThat(message.editedAt()).isEqualTo(Instant.EPOCH);

    Instant later = Instant.EPOCH.plus(Duration.ofMinutes(14));
    Message delete = Message.delete(message, 3, sender, UUID.randomUUID(), later, window);
    assertThat(delete.kind()).isEqualTo(MessageKind.DELETE);
    assertThat(message.body()).isEmpty();
    assertThat(message.deletedAt()).isEqualTo(later);
    assertThatThrownBy(
            () -> Message.edit(message, 4, sender, UUID.randomUUID(), "x", later, window))
        .hasMessage("message.deleted");
  }

  @Test
  void othersMessagesLateEditsAndChangesOfChangesAreRefused() {
    Sender sender = new Sender(1, "User 1");
    Sender other = new Sender(2, "User 2");
    Message message = Message.text(7, 1, sender, UUID.randomUUID(), "hi", Instant.EPOCH);
    Duration window = Duration.ofMinutes(15);

    assertThatThrownBy(
            () -> Message.edit(message, 2, other, UUID.randomUUID(), "x", Instant.EPOCH, window))
        .hasMessage("message.edit.not-own");
    Instant tooLate = Instant.EPOCH.plus(Duration.ofMinutes(16));
    assertThatThrownBy(() -> Message.delete(message, 2, sender, UUID.randomUUID(), tooLate, window))
        .hasMessage("message.delete.too-late");
    Message edit =
        Message.edit(message, 2, sender, UUID.randomUUID(), "hey", Instant.EPOCH, window);
    assertThatThrownBy(
            () -> Message.delete(edit, 3, sender, UUID.randomUUID(), Instant.EPOCH, window))
        .isInstanceOf(Refused.class);
    assertThat(message.body()).isEqualTo("hey");
  }

  @Test
  void aModeratorRemovesAnyonesPostOnceAndTheEntrySaysItWasTheModerator() {
    Sender sender = new Sender(1, "Pat");
    Sender moderator = new Sender(2, "Doc");
    Message message = Message.text(7, 1, sender, UUID.randomUUID(), "spam", Instant.EPOCH);

    Message entry =
        Message.removeByModerator(message, 2, moderator, UUID.randomUUID(), Instant.EPOCH);

    assertThat(entry.kind()).isEqualTo(MessageKind.DELETE);
    assertThat(entry.refSeq()).isEqualTo(1);
    assertThat(entry.removedByModerator()).isTrue();
    assertThat(message.isDeleted()).isTrue();
    assertThat(message.removedByModerator()).isTrue();
    assertThat(message.body()).isEmpty();
    assertThatThrownBy(
            () ->
                Message.removeByModerator(message, 3, moderator, UUID.randomUUID(), Instant.EPOCH))
        .isInstanceOf(Refused.class);
    assertThatThrownBy(
            () -> Message.removeByModerator(entry, 3, moderator, UUID.randomUUID(), Instant.EPOCH))
        .hasMessage("message.remove.not-a-message");
  }

  @Test
  void postKindsAreReadCaseInsensitivelyAndTextByDefault() {
    assertThat(MessageKind.post(null)).isEqualTo(MessageKind.TEXT);
    assertThat(MessageKind.post(" recommendation ")).isEqualTo(MessageKind.RECOMMENDATION);
    assertThatThrownBy(() -> MessageKind.post("SHOUT")).isInstanceOf(Refused.class);
    assertThatThrownBy(() -> MessageKind.post("DELETE")).isInstanceOf(Refused.class);
  }

  @Test
  void aResendOfAnotherKindIsNotTheSameMessage() {
    Sender sender = new Sender(2, "Doc");
    Message message =
        Message.post(7, 1, sender, UUID.randomUUID(), MessageKind.NOTE, "rest", Instant.EPOCH);

    assertThat(message.sameAs(7, MessageKind.NOTE, null, "rest")).isTrue();
    assertThat(message.sameAs(7, MessageKind.TEXT, null, "rest")).isFalse();
  }
}
