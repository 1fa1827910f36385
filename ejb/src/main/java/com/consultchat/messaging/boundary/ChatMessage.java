package com.consultchat.messaging.boundary;

import com.consultchat.messaging.entity.Message;
import java.time.Instant;

/** A stored message as participants see it. */
public record ChatMessage(
    long conversation,
    long seq,
    String clientId,
    long senderId,
    String senderName,
    String kind,
    String body,
    Instant sentAt,
    Long ref,
    Instant editedAt,
    Instant deletedAt) {

  static ChatMessage of(Message message) {
    return new ChatMessage(
        message.conversationId(),
        message.seq(),
        message.clientId().toString(),
        message.sender().id(),
        message.sender().displayName(),
        message.kind().name(),
        message.body(),
        message.createdAt(),
        message.refSeq(),
        message.editedAt(),
        message.deletedAt());
  }
}
