package com.consultchat.messaging.entity;

public enum ConversationKind {
  CONSULTATION,
  ROOM
}
