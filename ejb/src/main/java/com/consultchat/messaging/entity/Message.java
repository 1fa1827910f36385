package com.consultchat.messaging.entity;

import com.consultchat.messaging.boundary.FileRef;
import com.consultchat.messaging.boundary.MessageKind;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.platform.boundary.StorableText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One message, numbered within its conversation. The client's own id makes sending idempotent: the
 * database allows one message per sender and client id.
 */
@Entity
@NamedQuery(
    name = Message.BY_CLIENT_ID,
    query =
        "select m from Message m join fetch m.sender"
            + " where m.sender.id = :sender and m.clientId = :clientId")
@NamedQuery(
    name = Message.AFTER,
    query =
        "select m from Message m join fetch m.sender"
            + " where m.conversationId = :conversation and m.seq > :after order by m.seq")
@NamedQuery(
    name = Message.FORGET_EDITS,
    query =
        "update Message m set m.body = '' where m.conversationId = :conversation"
            + " and m.refSeq = :ref and m.kind = com.consultchat.messaging.boundary.MessageKind.EDIT")
@NamedQuery(
    name = Message.FILE_ENTRY,
    query =
        "select m from Message m where m.fileId = :file"
            + " and m.kind = com.consultchat.messaging.boundary.MessageKind.FILE")
@NamedQuery(
    name = Message.BY_SEQ,
    query = "select m from Message m where m.conversationId = :conversation and m.seq = :seq")
public class Message {

  public static final String BY_CLIENT_ID = "Message.byClientId";
  public static final String AFTER = "Message.after";
  public static final String BY_SEQ = "Message.bySeq";
  public static final String FORGET_EDITS = "Message.forgetEdits";
  public static final String FILE_ENTRY = "Message.fileEntry";

  @Id
  @SequenceGenerator(name = "message_seq", sequenceName = "message_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_seq")
  private Long id;

  @Column(name = "conversation_id")
  private long conversationId;

  private long seq;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "sender_id")
  private Sender sender;

  @Column(name = "client_id")
  private UUID clientId;

  @Enumerated(EnumType.STRING)
  private MessageKind kind;

  private String body;

  @Column(name = "created_at")
  private Instant createdAt;

  /** For an edit or deletion: the seq of the message it changes. */
  @Column(name = "ref_seq")
  private Long refSeq;

  @Column(name = "edited_at")
  private Instant editedAt;

  /** Deleted by a moderator rather than by its sender (on the message and on the entry). */
  @Column(name = "removed_by_moderator")
  private boolean removedByModerator;

  @Column(name = "deleted_at")
  private Instant deletedAt;

  /** For a FILE entry: the attachment's id, its display name, detected type and size. */
  @Column(name = "file_id")
  private Long fileId;

  @Column(name = "file_name")
  private String fileName;

  @Column(name = "file_type")
  private String fileType;

  @Column(name = "file_size")
  private Long fileSize;

  /** For a FILE entry (and a FILE_UPDATE entry, as changed by it): kind and verification. */
  @Column(name = "file_kind")
  private String fileKind;

  @Column(name = "file_verified_by")
  private Long fileVerifiedBy;

  @Column(name = "file_verified_by_name")
  private String fileVerifiedByName;

  @Column(name = "file_verified_at")
  private Instant fileVerifiedAt;

  protected Message() {}

  private Message(
      long conversationId,
      long seq,
      Sender sender,
      UUID clientId,
      MessageKind kind,
      String body,
      Instant createdAt) {
    this.conversationId = conversationId;
    this.seq = seq;
    this.sender = sender;
    this.clientId = clientId;
    this.kind = kind;
    this.body = body;
    this.createdAt = createdAt;
  }

  public static Message text(
      long conversationId, long seq, Sender sender, UUID clientId, String body, Instant now) {
    return new Message(conversationId, seq, sender, clientId, MessageKind.TEXT, body, now);
  }

  /** A post of the given kind (text, recommendation, note). */
  public static Message post(
      long conversationId,
      long seq,
      Sender sender,
      UUID clientId,
      MessageKind kind,
      String body,
      Instant now) {
    if (!kind.isPost()) {
      throw new IllegalArgumentException("Not a post: " + kind);
    }
    return new Message(conversationId, seq, sender, clientId, kind, body, now);
  }

  /**
   * A file posted with an optional caption (its body). Only the attachment path makes these, once
   * the file's bytes are stored and checked.
   */
  public static Message file(
      long conversationId,
      long seq,
      Sender sender,
      UUID clientId,
      FileRef file,
      String caption,
      Instant now) {
    Message message =
        new Message(conversationId, seq, sender, clientId, MessageKind.FILE, caption, now);
    message.fileId = file.id();
    message.fileName = file.name();
    message.fileType = file.type();
    message.fileSize = file.size();
    message.setFileState(file);
    return message;
  }

  /**
   * Gives the {@code target} file entry the kind and verification of {@code changed} and returns
   * the stream entry that tells everyone, carrying that state (never the name). Whoever calls has
   * decided that the change is allowed.
   */
  public static Message updateFile(
      Message target,
      FileRef changed,
      long seq,
      Sender editor,
      UUID clientId,
      String change,
      Instant now) {
    if (target.kind != MessageKind.FILE) {
      throw Refused.invalid("message.file.none");
    }
    if (target.deletedAt != null) {
      throw Refused.conflict("message.file.removed");
    }
    target.setFileState(changed);
    Message entry =
        new Message(
            target.conversationId, seq, editor, clientId, MessageKind.FILE_UPDATE, change, now);
    entry.refSeq = target.seq;
    entry.fileId = target.fileId;
    entry.setFileState(changed);
    return entry;
  }

  private void setFileState(FileRef file) {
    fileKind = file.kind();
    fileVerifiedBy = file.verifiedById();
    fileVerifiedByName = file.verifiedBy();
    fileVerifiedAt = file.verifiedAt();
  }

  /**
   * A moderator takes the {@code target} post down: it is emptied like a deletion and marked as the
   * moderator's doing, and the returned stream entry tells everyone. The feature that owns the
   * conversation decides who moderates.
   */
  public static Message removeByModerator(
      Message target, long seq, Sender moderator, UUID clientId, Instant now) {
    if (!target.kind.isPost()) {
      throw Refused.invalid("message.remove.not-a-message");
    }
    if (target.deletedAt != null) {
      throw Refused.conflict("message.removed.already");
    }
    target.forget(now);
    target.removedByModerator = true;
    Message entry =
        new Message(target.conversationId, seq, moderator, clientId, MessageKind.DELETE, "", now);
    entry.refSeq = target.seq;
    entry.removedByModerator = true;
    return entry;
  }

  /**
   * Changes the {@code target} message's text and returns the stream entry that tells everyone.
   * Only the sender may, only a text message, not a deleted one, and only within {@code window}.
   */
  public static Message edit(
      Message target,
      long seq,
      Sender editor,
      UUID clientId,
      String body,
      Instant now,
      Duration window) {
    target.requireChangeableBy(editor, now, window, "edit");
    target.body = body;
    target.editedAt = now;
    Message entry =
        new Message(target.conversationId, seq, editor, clientId, MessageKind.EDIT, body, now);
    entry.refSeq = target.seq;
    return entry;
  }

  /** Empties the {@code target} message and returns the stream entry that tells everyone. */
  public static Message delete(
      Message target, long seq, Sender editor, UUID clientId, Instant now, Duration window) {
    target.requireChangeableBy(editor, now, window, "delete");
    target.forget(now);
    Message entry =
        new Message(target.conversationId, seq, editor, clientId, MessageKind.DELETE, "", now);
    entry.refSeq = target.seq;
    return entry;
  }

  /**
   * The text (and a file's name) is gone for good: a deleted entry keeps only that it existed and
   * when. A file's bytes go with it in the same transaction (a trigger of the attachment table).
   */
  private void forget(Instant now) {
    body = "";
    deletedAt = now;
    if (fileId != null) {
      fileName = "";
    }
  }

  /** {@code change}: {@code edit} or {@code delete}, naming the refusals' keys. */
  private void requireChangeableBy(Sender editor, Instant now, Duration window, String change) {
    if (!kind.isPost() || !sender.id().equals(editor.id())) {
      String notOwn = "message." + change + ".not-own";
      throw Refused.forbidden(notOwn);
    }
    if (deletedAt != null) {
      throw Refused.conflict("message.deleted");
    }
    if (now.isAfter(createdAt.plus(window))) {
      String tooLate = "message." + change + ".too-late";
      throw Refused.conflict(tooLate, window.toMinutes());
    }
  }

  /** Checked before anything is looked up or numbered, so a bad message costs nothing. */
  public static void checkBody(String body, int maxLength) {
    if (body == null || body.isBlank()) {
      throw Refused.invalid("message.empty");
    }
    StorableText.check(body);
    int length = body.codePointCount(0, body.length());
    if (length > maxLength) {
      throw Refused.invalid("message.too-long", maxLength, length);
    }
  }

  public static UUID clientId(String raw) {
    try {
      return UUID.fromString(raw == null ? "" : raw);
    } catch (IllegalArgumentException e) {
      throw Refused.invalid("message.client-id");
    }
  }

  /** Whether a resend carries the same message (or the same change) as the stored one. */
  public boolean sameAs(long conversationId, MessageKind kind, Long refSeq, String body) {
    return this.conversationId == conversationId
        && this.kind == kind
        && java.util.Objects.equals(this.refSeq, refSeq)
        && this.body.equals(body);
  }

  public Long id() {
    return id;
  }

  public long conversationId() {
    return conversationId;
  }

  public long seq() {
    return seq;
  }

  public Sender sender() {
    return sender;
  }

  public UUID clientId() {
    return clientId;
  }

  public MessageKind kind() {
    return kind;
  }

  public String body() {
    return body;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Long refSeq() {
    return refSeq;
  }

  public Instant editedAt() {
    return editedAt;
  }

  public boolean removedByModerator() {
    return removedByModerator;
  }

  public boolean isDeleted() {
    return deletedAt != null;
  }

  public Instant deletedAt() {
    return deletedAt;
  }

  /** The file of a FILE entry; null for every other kind. */
  public FileRef file() {
    return fileId == null
        ? null
        : new FileRef(
            fileId,
            fileName,
            fileType,
            fileSize == null ? 0 : fileSize,
            fileKind,
            fileVerifiedBy,
            fileVerifiedByName,
            fileVerifiedAt);
  }
}
