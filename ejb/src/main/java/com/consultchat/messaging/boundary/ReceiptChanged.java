package com.consultchat.messaging.boundary;

import com.consultchat.platform.boundary.Notification;
import java.util.Set;

/** A member received or read further; the other members' screens move their ticks. */
public record ReceiptChanged(long conversation, ReceiptState receipt, Set<Long> recipients)
    implements Notification {}
