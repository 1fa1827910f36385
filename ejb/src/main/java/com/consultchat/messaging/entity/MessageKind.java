package com.consultchat.messaging.entity;

public enum MessageKind {
  TEXT
}
