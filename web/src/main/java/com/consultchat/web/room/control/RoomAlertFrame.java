package com.consultchat.web.room.control;

import com.consultchat.web.messaging.boundary.Frame;

/**
 * A patient's room post may be an emergency: "urgent" for the room's staff, who see the post
 * flagged; "emergency" for the patient, who is shown what to do now. Ids only, never the post.
 */
public record RoomAlertFrame(String type, long room, long conversation, long seq)
    implements Frame {}
