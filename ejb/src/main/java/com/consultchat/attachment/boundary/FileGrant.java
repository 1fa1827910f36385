package com.consultchat.attachment.boundary;

/**
 * Leave to read one stored file, given by {@link Attachments#open} once it checked the caller and
 * the checksum and wrote the audit row; only that method makes one, so bytes are never read around
 * those checks.
 */
public final class FileGrant {

  private final long id;
  private final String name;
  private final String type;
  private final long size;
  private final int part;

  FileGrant(long id, String name, String type, long size, int part) {
    this.id = id;
    this.name = name;
    this.type = type;
    this.size = size;
    this.part = part;
  }

  public long id() {
    return id;
  }

  /** The sanitised name, for the download's header. */
  public String name() {
    return name;
  }

  public String type() {
    return type;
  }

  public long size() {
    return size;
  }

  int part() {
    return part;
  }
}
