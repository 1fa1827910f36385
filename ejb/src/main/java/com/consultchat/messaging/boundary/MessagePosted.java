package com.consultchat.messaging.boundary;

import com.consultchat.platform.boundary.Notification;
import java.util.Set;

/** A message committed; every listed account's open sessions should get it. */
public record MessagePosted(ChatMessage message, Set<Long> recipients) implements Notification {}
