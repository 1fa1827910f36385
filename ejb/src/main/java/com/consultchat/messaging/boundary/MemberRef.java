package com.consultchat.messaging.boundary;

import java.time.Instant;

/** Another member of a conversation, as presence shows them. */
public record MemberRef(long account, String name, Instant lastSeen) {}
