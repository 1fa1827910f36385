package com.consultchat.messaging.boundary;

import com.consultchat.platform.boundary.Notification;
import java.util.Set;

/** A member is typing; the others show it until it expires by itself. */
public record Typing(long conversation, long account, String name, Set<Long> recipients)
    implements Notification {}
