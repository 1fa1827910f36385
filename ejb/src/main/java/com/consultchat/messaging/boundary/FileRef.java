package com.consultchat.messaging.boundary;

import java.time.Instant;

/**
 * The file a FILE entry carries, as participants see it: the server's id (downloads go through it,
 * never through the name), the sanitised name for display, the type detected from the content, its
 * size in bytes, its clinical kind, and who verified it when (all three null while unverified). On
 * a FILE_UPDATE entry only the id, the kind and the verification are set: the name stays with the
 * file entry, so deleting that forgets it everywhere.
 */
public record FileRef(
    long id,
    String name,
    String type,
    long size,
    String kind,
    Long verifiedById,
    String verifiedBy,
    Instant verifiedAt) {

  /** A file just stored: of the given kind, not verified. */
  public static FileRef stored(long id, String name, String type, long size, String kind) {
    return new FileRef(id, name, type, size, kind, null, null, null);
  }

  public FileRef withKind(String newKind) {
    return new FileRef(id, name, type, size, newKind, verifiedById, verifiedBy, verifiedAt);
  }

  public FileRef verified(long byId, String byName, Instant at) {
    return new FileRef(id, name, type, size, kind, byId, byName, at);
  }

  public FileRef unverified() {
    return new FileRef(id, name, type, size, kind, null, null, null);
  }

  public boolean isVerified() {
    return verifiedAt != null;
  }
}
