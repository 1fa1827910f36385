package com.consultchat.messaging.boundary;

import java.util.Set;

/**
 * Whom to tell that a person came online or went offline in one conversation, and under which alias
 * they appear there.
 */
public record PresenceTarget(long conversation, long member, Set<Long> recipients) {}
