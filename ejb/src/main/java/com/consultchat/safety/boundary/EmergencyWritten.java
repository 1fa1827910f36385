package com.consultchat.safety.boundary;

/**
 * A committed message matched an emergency phrase. Fired asynchronously after the message's
 * transaction, so the features that own conversations flag it without the message waiting; it
 * carries which phrase matched, never the message's text.
 */
public record EmergencyWritten(
    long conversationId, long senderId, long seq, long phraseId, String language) {}
