package com.consultchat.messaging.boundary;

import com.consultchat.platform.boundary.Notification;

/**
 * A person stopped being a member of a conversation (removed, banned, handed over), announced after
 * commit: whatever they were still being told about it (presence, typing) stops at once.
 */
public record MembershipEnded(long conversation, long account) implements Notification {}
