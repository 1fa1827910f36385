package com.consultchat.messaging.boundary;

import java.util.List;

/**
 * What a client missed after a sequence number: the messages (at most a page; {@code complete} when
 * nothing more is stored) and where every member's receipts stand now.
 */
public record CatchUp(
    long conversation, List<ChatMessage> messages, List<ReceiptState> receipts, boolean complete) {}
