package com.consultchat.messaging.boundary;

/**
 * Where a conversation lives for the people in it: the consultation or room that owns it ({@code
 * ownerId} is that consultation's or room's id) and what it is called there.
 */
public record Place(long conversationId, ConversationKind kind, long ownerId, String title) {}
