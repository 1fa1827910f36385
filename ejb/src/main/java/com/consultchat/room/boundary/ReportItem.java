package com.consultchat.room.boundary;

import java.io.Serializable;
import java.time.Instant;

/** An open report as the room's staff see it: the message, who wrote it, who reported it, why. */
public record ReportItem(
    long id,
    long roomId,
    String roomName,
    long seq,
    String excerpt,
    boolean removed,
    String author,
    String reporter,
    String reason,
    Instant reportedAt)
    implements Serializable {}
