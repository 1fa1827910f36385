package com.consultchat.messaging.boundary;

import java.util.List;

/**
 * What a client missed after a sequence number: the messages (at most a page; {@code complete} when
 * nothing more is stored), where every member's receipts stand now, and which numbers retention
 * purged (the client drops its copies of them and counts them as known).
 */
public record CatchUp(
    long conversation,
    List<ChatMessage> messages,
    List<ReceiptState> receipts,
    boolean complete,
    List<PurgedRange> purged) {}
