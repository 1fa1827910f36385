package com.consultchat.archfixture.violating.web.room.boundary;

import com.consultchat.archfixture.violating.room.entity.RoomRow;

/** Breaks "web calls only ejb boundaries": a page holding its own feature's entity. */
public class RoomPage {
  RoomRow row;
}
