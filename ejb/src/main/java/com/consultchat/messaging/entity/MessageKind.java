package com.consultchat.messaging.entity;

/**
 * A text message, or a change of one. Changes are entries in the stream of their own, so they are
 * numbered, stored and caught up exactly like messages.
 */
public enum MessageKind {
  TEXT,
  EDIT,
  DELETE
}
