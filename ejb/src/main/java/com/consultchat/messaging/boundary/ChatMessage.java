package com.consultchat.messaging.boundary;

import com.consultchat.messaging.control.Alias;
import com.consultchat.messaging.entity.Message;
import java.time.Instant;

/**
 * A stored message as participants see it. The sender appears under the alias the conversation
 * gives them (in a room, a per-room handle and a pseudonym); a removed message carries no text.
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

  public static ChatMessage of(Message message, Alias sender) {
    return new ChatMessage(
        message.conversationId(),
        message.seq(),
        message.clientId().toString(),
        sender.id(),
        sender.name(),
        message.kind().name(),
        message.isRemoved() ? "" : message.body(),
        message.createdAt(),
        message.isRemoved());
  }
}
