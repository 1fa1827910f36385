package com.consultchat.messaging.boundary;

import com.consultchat.platform.boundary.Notification;
import java.util.Set;

/** A participant is writing; the others' screens show it for a few seconds. */
public record Typing(long conversation, long member, String name, Set<Long> recipients)
    implements Notification {}
