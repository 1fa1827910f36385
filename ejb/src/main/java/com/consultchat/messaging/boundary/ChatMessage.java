package com.consultchat.messaging.boundary;

import com.consultchat.messaging.entity.Message;
import java.time.Instant;

/**
 * A stored message as participants see it. The sender goes by the name the conversation gives them
 * (a pseudonym in a room); a removed message carries no text.
 */
public record ChatMessage(
    long conversation,
    long seq,
    String clientId,
    long senderId,
    String senderName,
    String kind,
    String body,
    Instant sentAt,
    boolean removed) {

  public static ChatMessage of(Message message, String senderName) {
    return new ChatMessage(
        message.conversationId(),
        message.seq(),
        message.clientId().toString(),
        message.sender().id(),
        senderName,
        message.kind().name(),
        message.isRemoved() ? "" : message.body(),
        message.createdAt(),
        message.isRemoved());
  }
}
