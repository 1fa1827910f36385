package com.consultchat.messaging.boundary;

import com.consultchat.platform.boundary.Notification;
import java.util.Set;

/** A stored message changed (a moderator removed it); members' screens replace their copy. */
public record MessageChanged(ChatMessage message, Set<Long> recipients) implements Notification {}
