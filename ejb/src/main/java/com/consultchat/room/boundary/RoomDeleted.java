package com.consultchat.room.boundary;

import com.consultchat.platform.boundary.Notification;
import java.util.Set;

/** A room was deleted with its messages; the pages of its members leave it. */
public record RoomDeleted(long room, long conversation, Set<Long> recipients)
    implements Notification {}
