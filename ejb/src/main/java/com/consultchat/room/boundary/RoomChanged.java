package com.consultchat.room.boundary;

import com.consultchat.platform.boundary.Notification;
import java.util.Set;

/**
 * Something about a room changed (members, pins, acknowledgements, reports, held posts). It carries
 * no content: screens ask the boundaries again, which decide what each person may see.
 */
public record RoomChanged(long room, Set<Long> recipients) implements Notification {}
