package com.consultchat.web.consultation.control;

import com.consultchat.consultation.boundary.QueueItem;
import com.consultchat.web.messaging.boundary.Frame;

/**
 * Something in the queue changed; staff screens reload it. {@code arrived} is a request that has
 * just entered it (to tell staff), or null.
 */
public record QueueFrame(String type, QueueItem arrived) implements Frame {

  public QueueFrame(QueueItem arrived) {
    this("queue", arrived);
  }
}
