package com.consultchat.consultation.boundary;

import com.consultchat.messaging.boundary.StoredMessage;
import java.io.Serializable;
import java.time.Instant;

/**
 * One message as a transcript prints it: its latest text, marked when it was edited; a deleted
 * message keeps only that it existed, when and by whom.
 */
public record TranscriptMessage(
    long seq, String senderName, Instant sentAt, String body, boolean edited, boolean deleted)
    implements Serializable {

  static TranscriptMessage of(StoredMessage message) {
    boolean deleted = message.deleted();
    return new TranscriptMessage(
        message.seq(),
        message.senderName(),
        message.sentAt(),
        deleted ? "" : message.body(),
        !deleted && message.editedAt() != null,
        deleted);
  }
}
