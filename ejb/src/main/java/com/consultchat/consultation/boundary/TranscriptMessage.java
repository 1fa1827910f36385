package com.consultchat.consultation.boundary;

import com.consultchat.attachment.boundary.ClinicalKind;
import com.consultchat.messaging.boundary.FileRef;
import com.consultchat.messaging.boundary.StoredMessage;
import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

/**
 * One message as a transcript prints it: its latest text, marked when it was edited; a deleted
 * message keeps only that it existed, when and by whom. A file sent in the consultation is listed
 * with its name, type, size and SHA-256 ({@code file}, without a label; null for a text), so a
 * printed transcript still identifies exactly which document was exchanged, with its clinical kind
 * ({@code fileKind}) and who verified it when (both null while unverified). {@code fileId} and
 * {@code picture} let the PDF embed a photo's thumbnail.
 */
public record TranscriptMessage(
    long seq,
    String senderName,
    Instant sentAt,
    String body,
    boolean edited,
    boolean deleted,
    String file,
    Long fileId,
    boolean picture,
    String fileKind,
    String verifiedBy,
    Instant verifiedAt)
    implements Serializable {

  /** A message without a file's clinical details. */
  public TranscriptMessage(
      long seq,
      String senderName,
      Instant sentAt,
      String body,
      boolean edited,
      boolean deleted,
      String file) {
    this(seq, senderName, sentAt, body, edited, deleted, file, null, false, null, null, null);
  }

  static TranscriptMessage of(StoredMessage message, Map<Long, String> checksums) {
    boolean deleted = message.deleted();
    FileRef file = deleted ? null : message.file();
    return new TranscriptMessage(
        message.seq(),
        message.senderName(),
        message.sentAt(),
        deleted ? "" : message.body(),
        !deleted && message.editedAt() != null,
        deleted,
        file == null ? null : describe(file, checksums.get(file.id())),
        file == null ? null : file.id(),
        file != null && file.type() != null && file.type().startsWith("image/"),
        file == null ? null : ClinicalKind.labelOf(file.kind()),
        file == null ? null : file.verifiedBy(),
        file == null ? null : file.verifiedAt());
  }

  /**
   * "scan.pdf · application/pdf · 12 KB · SHA-256 ab12…", without words of any language: the page
   * and the PDF put "File:" before it in the reader's. A checksum not (yet) known is left out.
   */
  static String describe(FileRef file, String sha256) {
    return file.name()
        + " · "
        + file.type()
        + " · "
        + Math.max(1, Math.round(file.size() / 1024.0))
        + " KB"
        + (sha256 == null ? "" : " · SHA-256 " + sha256);
  }
}
