package com.consultchat.messaging.boundary;

import java.util.List;

/**
 * What a client missed: the messages after a sequence number (at most a page; {@code complete} when
 * nothing more is stored), the messages changed after a change number (removals) with {@code
 * lastChange} to ask from next time, and where every member's receipts stand now.
 */
public record CatchUp(
    long conversation,
    List<ChatMessage> messages,
    List<ChatMessage> changed,
    long lastChange,
    List<ReceiptState> receipts,
    boolean complete) {}
