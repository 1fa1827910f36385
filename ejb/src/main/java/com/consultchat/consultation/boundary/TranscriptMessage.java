package com.consultchat.consultation.boundary;

import com.consultchat.messaging.entity.Message;
import java.io.Serializable;
import java.time.Instant;

/** One message as a transcript prints it. */
public record TranscriptMessage(long seq, String senderName, Instant sentAt, String body)
    implements Serializable {

  static TranscriptMessage of(Message message) {
    return new TranscriptMessage(
        message.seq(), message.sender().displayName(), message.createdAt(), message.body());
  }
}
