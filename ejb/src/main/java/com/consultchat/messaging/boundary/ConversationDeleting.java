package com.consultchat.messaging.boundary;

/**
 * A conversation is being deleted with everything in it, inside the deleting transaction: its
 * messages are gone, the conversation row is next. Features that keep rows of their own for it (the
 * files sent in it) delete them now, or the deletion fails on their references.
 */
public record ConversationDeleting(ConversationKind kind, long conversation) {}
