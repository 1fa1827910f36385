package com.consultchat.attachment.control;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * A file's bytes as numbered chunk rows, one row at a time in each direction. Each method runs in
 * the caller's transaction.
 */
@Dependent
public class ChunkStore {

  /** The bytes served. */
  public static final int CONTENT = 0;

  /** A photo as it was received, until its cleaned copy is stored. */
  public static final int RECEIVED = 1;

  /** A small picture for previews: a photo's thumbnail, a PDF's first page. */
  public static final int PREVIEW = 2;

  @Inject EntityManager em;

  public void put(long attachment, int part, int n, byte[] bytes) {
    em.createNativeQuery(
            "insert into attachment_chunk (attachment_id, part, n, bytes) values (?1, ?2, ?3, ?4)")
        .setParameter(1, attachment)
        .setParameter(2, (short) part)
        .setParameter(3, n)
        .setParameter(4, bytes)
        .executeUpdate();
  }

  /** The chunk, empty past the last one. */
  public Optional<byte[]> get(long attachment, int part, int n) {
    @SuppressWarnings("unchecked")
    List<byte[]> rows =
        em.createNativeQuery(
                "select bytes from attachment_chunk where attachment_id = ?1 and part = ?2"
                    + " and n = ?3")
            .setParameter(1, attachment)
            .setParameter(2, (short) part)
            .setParameter(3, n)
            .getResultList();
    return rows.stream().findFirst();
  }

  /** Reads the part chunk by chunk as it is consumed; only one chunk is held at a time. */
  public InputStream read(long attachment, int part) {
    return new ChunkInput(n -> get(attachment, part, n));
  }

  public boolean has(long attachment, int part) {
    return get(attachment, part, 0).isPresent();
  }

  public void drop(long attachment, int part) {
    em.createNativeQuery("delete from attachment_chunk where attachment_id = ?1 and part = ?2")
        .setParameter(1, attachment)
        .setParameter(2, (short) part)
        .executeUpdate();
  }

  /**
   * The SHA-256 of the stored part, computed by PostgreSQL, so checking a file before serving it
   * moves none of its bytes to this server; empty if the part has no rows.
   */
  public Optional<String> sha256(long attachment, int part) {
    Object hash =
        em.createNativeQuery(
                "select encode(sha256(string_agg(bytes, ''::bytea order by n)), 'hex')"
                    + " from attachment_chunk where attachment_id = ?1 and part = ?2")
            .setParameter(1, attachment)
            .setParameter(2, (short) part)
            .getSingleResult();
    return Optional.ofNullable((String) hash);
  }
}
