package com.consultchat.messaging.boundary;

import com.consultchat.messaging.entity.Message;
import java.time.Instant;

/**
 * A stored message as participants see it. The sender appears under the alias the conversation
 * gives them (in a room, a per-room handle and a pseudonym). {@code removedByModerator}: deleted by
 * a moderator rather than by its sender (on the message and on the DELETE entry that says so).
 * {@code file}: for a FILE entry, the file it carries (its caption is the body); null otherwise.
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
    Long ref,
    Instant editedAt,
    Instant deletedAt,
    boolean removedByModerator,
    FileRef file) {

  static ChatMessage of(Message message) {
    return of(message, new Alias(message.sender().id(), message.sender().displayName()));
  }

  public static ChatMessage of(Message message, Alias sender) {
    return new ChatMessage(
        message.conversationId(),
        message.seq(),
        message.clientId().toString(),
        sender.id(),
        sender.name(),
        message.kind().name(),
        message.body(),
        message.createdAt(),
        message.refSeq(),
        message.editedAt(),
        message.deletedAt(),
        message.removedByModerator(),
        message.file());
  }
}
