package com.consultchat.room.boundary;

import java.time.Instant;

/**
 * A room as the administrator's overview shows it: its members now, its messages of the last seven
 * days and when the last message came (null: never).
 */
public record RoomActivity(
    long id,
    String name,
    String topic,
    String description,
    boolean archived,
    long members,
    long messagesLastWeek,
    Instant lastActivity) {}
