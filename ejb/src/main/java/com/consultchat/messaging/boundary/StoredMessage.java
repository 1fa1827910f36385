package com.consultchat.messaging.boundary;

import com.consultchat.messaging.entity.Message;
import java.time.Instant;

/**
 * A stored entry as the feature that owns its conversation sees it: the sender's account and own
 * name (the owner applies its aliases itself), and the current text, empty once deleted; a FILE
 * entry's file, null for other kinds.
 */
public record StoredMessage(
    long id,
    long conversationId,
    long seq,
    MessageKind kind,
    long senderId,
    String senderName,
    String body,
    Instant sentAt,
    Instant editedAt,
    boolean deleted,
    FileRef file) {

  static StoredMessage of(Message message) {
    return new StoredMessage(
        message.id(),
        message.conversationId(),
        message.seq(),
        message.kind(),
        message.sender().id(),
        message.sender().displayName(),
        message.body(),
        message.createdAt(),
        message.editedAt(),
        message.isDeleted(),
        message.file());
  }
}
