package com.consultchat.consultation.boundary;

import com.consultchat.platform.boundary.Notification;

/** A request entered or left the staff queue; staff screens reload the queue. */
public record QueueChanged(long consultationId) implements Notification {}
