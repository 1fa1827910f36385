package com.consultchat.room.boundary;

import java.time.Instant;

/**
 * One post a person wrote in a room, as their own data export lists it: the room's name, the
 * pseudonym they went by there, and their text (a file's caption) with the file's id and name.
 */
public record RoomPost(
    long roomId,
    String roomName,
    String pseudonym,
    long seq,
    Instant sentAt,
    String kind,
    String text,
    Long fileId,
    String fileName) {}
