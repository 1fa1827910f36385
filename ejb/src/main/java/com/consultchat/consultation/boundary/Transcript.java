package com.consultchat.consultation.boundary;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A consultation written down for its participants to keep: who, when, every message (edits and
 * deletions shown as such, not as entries of their own) and the summary. {@code handovers} is empty
 * unless the reader is staff: patients never see those notes. {@code thumbnails}: for the PDF, the
 * preview (JPEG) of each photo by file id. {@code status}: the key of its state in words ({@code
 * consultation.status.*} in the web's bundles).
 */
public record Transcript(
    long consultationId,
    String subject,
    String specialty,
    String status,
    String patientName,
    String staffName,
    Instant requestedAt,
    Instant takenAt,
    Instant closedAt,
    String summary,
    List<TranscriptMessage> messages,
    List<HandoverNote> handovers,
    Map<Long, byte[]> thumbnails)
    implements Serializable {

  /** A transcript without pictures (the page, which shows none). */
  public Transcript(
      long consultationId,
      String subject,
      String specialty,
      String status,
      String patientName,
      String staffName,
      Instant requestedAt,
      Instant takenAt,
      Instant closedAt,
      String summary,
      List<TranscriptMessage> messages,
      List<HandoverNote> handovers) {
    this(
        consultationId,
        subject,
        specialty,
        status,
        patientName,
        staffName,
        requestedAt,
        takenAt,
        closedAt,
        summary,
        messages,
        handovers,
        Map.of());
  }
}
