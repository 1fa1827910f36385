package com.consultchat.room.entity;

/** Whether a patient who asks to join is in at once or waits for a member of staff. */
public enum JoinPolicy {
  OPEN,
  APPROVAL
}
