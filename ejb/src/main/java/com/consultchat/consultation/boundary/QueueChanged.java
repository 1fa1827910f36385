package com.consultchat.consultation.boundary;

import com.consultchat.platform.boundary.Notification;

/**
 * A request entered or left the staff queue; staff screens reload the queue. {@code arrived} is the
 * request that entered, so staff can be told about it; null when one left.
 */
public record QueueChanged(long consultationId, QueueItem arrived) implements Notification {

  static QueueChanged arrived(QueueItem item) {
    return new QueueChanged(item.id(), item);
  }

  static QueueChanged left(long consultationId) {
    return new QueueChanged(consultationId, null);
  }
}
