package com.consultchat.messaging.boundary;

public enum ConversationKind {
  CONSULTATION,
  ROOM
}
