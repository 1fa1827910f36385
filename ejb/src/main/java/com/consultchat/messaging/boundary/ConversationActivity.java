package com.consultchat.messaging.boundary;

import java.time.Instant;

/**
 * How busy a conversation is: its messages since a moment, and when the last one came (or null).
 */
public record ConversationActivity(long recentMessages, Instant lastMessageAt) {

  public static final ConversationActivity NONE = new ConversationActivity(0, null);
}
