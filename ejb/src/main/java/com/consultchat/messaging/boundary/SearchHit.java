package com.consultchat.messaging.boundary;

import java.time.Instant;
import java.util.List;

/**
 * One message found: where it is (its conversation's place and its seq, so a page can open the
 * conversation at it), who wrote it as that conversation names them, and the matching part of its
 * text as it stands now.
 */
public record SearchHit(
    Place place,
    long seq,
    Instant sentAt,
    String senderName,
    MessageKind kind,
    String fileName,
    List<SnippetPart> snippet) {

  public boolean hasFile() {
    return kind == MessageKind.FILE;
  }
}
