package com.consultchat.room.boundary;

/** Where a person stands with a room. Only ACTIVE members read and write its conversation. */
public enum MemberStatus {
  REQUESTED,
  ACTIVE,
  DECLINED,
  LEFT,
  REMOVED,
  BANNED
}
