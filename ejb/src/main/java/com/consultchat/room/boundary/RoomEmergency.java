package com.consultchat.room.boundary;

import com.consultchat.platform.boundary.Notification;
import java.util.Set;

/**
 * A patient's post in a room may be an emergency: the patient is shown what to do now, and the
 * room's staff see the post flagged. It names the post by its seq, never its text.
 */
public record RoomEmergency(
    long room, long conversationId, long seq, long patientId, Set<Long> staff)
    implements Notification {}
