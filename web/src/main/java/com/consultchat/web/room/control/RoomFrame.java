package com.consultchat.web.room.control;

import com.consultchat.web.messaging.boundary.Frame;

/** Something about a room changed; its page asks the server again for what it shows. */
public record RoomFrame(String type, long room) implements Frame {

  public RoomFrame(long room) {
    this("room", room);
  }
}
