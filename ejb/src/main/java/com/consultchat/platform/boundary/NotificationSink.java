package com.consultchat.platform.boundary;

/** Receives committed notifications; the web layer's socket registry is one. Must not block. */
@FunctionalInterface
public interface NotificationSink {
  void deliver(Notification notification);
}
