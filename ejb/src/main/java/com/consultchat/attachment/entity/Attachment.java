package com.consultchat.attachment.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import java.time.Instant;

/**
 * A file sent in a conversation. It is RECEIVING while its bytes arrive and STORED once it is an
 * entry of the conversation; one that never gets there is deleted whole. Its bytes are rows of
 * {@code attachment_chunk}, written and read by control {@code ChunkStore}.
 */
@Entity
@NamedQuery(
    name = Attachment.RECEIVED_SINCE,
    query =
        "select count(a), coalesce(sum(a.size), 0) from Attachment a"
            + " where a.uploaderId = :uploader and a.createdAt > :since")
@NamedQuery(
    name = Attachment.STALE,
    query = "select a.id from Attachment a where a.status = 'RECEIVING' and a.createdAt < :before")
public class Attachment {

  public static final String RECEIVED_SINCE = "Attachment.receivedSince";
  public static final String STALE = "Attachment.stale";

  @Id
  @SequenceGenerator(name = "attachment_seq", sequenceName = "attachment_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "attachment_seq")
  private Long id;

  @Column(name = "conversation_id")
  private long conversationId;

  @Column(name = "uploader_id")
  private long uploaderId;

  private String status;

  @Column(name = "display_name")
  private String displayName;

  @Column(name = "media_type")
  private String mediaType;

  @Column(name = "size_bytes")
  private Long size;

  private String sha256;

  @Column(name = "created_at")
  private Instant createdAt;

  @Column(name = "removed_at")
  private Instant removedAt;

  protected Attachment() {}

  public Attachment(long conversationId, long uploaderId, String displayName, Instant now) {
    this.conversationId = conversationId;
    this.uploaderId = uploaderId;
    this.displayName = displayName;
    this.status = "RECEIVING";
    this.createdAt = now;
  }

  /** All bytes are in and checked: what is served from now on, and its checksum. */
  public void stored(String mediaType, long size, String sha256) {
    if (size <= 0) {
      throw new IllegalArgumentException("A stored file has bytes");
    }
    this.mediaType = mediaType;
    this.size = size;
    this.sha256 = sha256;
    this.status = "STORED";
  }

  public boolean isServable() {
    return "STORED".equals(status) && removedAt == null;
  }

  public Long id() {
    return id;
  }

  public long conversationId() {
    return conversationId;
  }

  public long uploaderId() {
    return uploaderId;
  }

  public String displayName() {
    return displayName;
  }

  public String mediaType() {
    return mediaType;
  }

  public long size() {
    return size == null ? 0 : size;
  }

  public String sha256() {
    return sha256;
  }
}
