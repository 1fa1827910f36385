package com.consultchat.attachment.control;

import com.consultchat.account.boundary.Caller;
import com.consultchat.attachment.entity.Attachment;
import com.consultchat.messaging.boundary.Conversations;
import com.consultchat.messaging.boundary.FileRef;
import com.consultchat.messaging.boundary.Posted;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.platform.boundary.Settings;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The transactions of one upload. The bytes arrive chunk by chunk, each chunk committed on its own,
 * so a slow phone holds a database connection only for a moment at a time; the file becomes an
 * entry of its conversation in one last transaction, and an upload that does not get there is
 * deleted whole.
 */
@Dependent
public class Intake {

  /**
   * Photos decoded at once on this node. A large photo takes about 100 MB of heap while it is
   * decoded and drawn again, so a few at a time keep eight parallel uploads within the heap.
   */
  private static final Semaphore DECODING = new Semaphore(2, true);

  /** Longer than decoding a few photos takes; beyond it the sender is asked to try again. */
  private static final long DECODING_WAIT_SECONDS = 60;

  private static final java.util.logging.Logger LOG =
      java.util.logging.Logger.getLogger(Intake.class.getName());

  @Inject EntityManager em;
  @Inject ChunkStore chunks;
  @Inject Conversations conversations;
  @Inject Settings settings;
  @Inject Clock clock;
  @Inject TransactionSynchronizationRegistry transaction;

  /**
   * Refuses the upload if the caller has sent too much lately; it counts what is on its way too.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public long begin(Caller caller, long conversationId, String displayName) {
    Instant now = clock.instant();
    Object[] hour = receivedSince(caller, now.minus(Duration.ofHours(1)));
    if (((Number) hour[0]).longValue() >= settings.attachmentsPerHour()) {
      throw Refused.conflict("file.hourly.limit", settings.attachmentsPerHour());
    }
    Object[] day = receivedSince(caller, now.minus(Duration.ofDays(1)));
    if (((Number) day[1]).longValue() >= settings.attachmentDailyMb() * 1024L * 1024L) {
      throw Refused.conflict("file.daily.limit", settings.attachmentDailyMb());
    }
    Attachment attachment = new Attachment(conversationId, caller.id(), displayName, now);
    em.persist(attachment);
    em.flush();
    return attachment.id();
  }

  private Object[] receivedSince(Caller caller, Instant since) {
    return em.createNamedQuery(Attachment.RECEIVED_SINCE, Object[].class)
        .setParameter("uploader", caller.id())
        .setParameter("since", since)
        .getSingleResult();
  }

  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void put(long attachment, int part, int n, byte[] bytes) {
    chunks.put(attachment, part, n, bytes);
  }

  /**
   * Stores what was received as the file, cleaning a photo first, and posts it as an entry of the
   * conversation, all in one transaction. If a concurrent upload with the same client id got there
   * first, its entry is returned and this transaction rolls back: the caller then discards this
   * copy.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Posted finish(
      Caller caller,
      long conversationId,
      long id,
      String clientId,
      String caption,
      String type,
      String kind,
      Received received) {
    Attachment attachment = em.find(Attachment.class, id);
    if (ContentTypes.isPhoto(type)) {
      awaitDecodingSlot();
      try {
        ChunkOutput cleaned =
            new ChunkOutput((n, bytes) -> chunks.put(id, ChunkStore.CONTENT, n, bytes));
        Photos.Cleaned photo;
        try (cleaned) {
          photo = Photos.clean(() -> chunks.read(id, ChunkStore.RECEIVED), type, cleaned);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        chunks.drop(id, ChunkStore.RECEIVED);
        type = photo.type();
        received = new Received(cleaned.size(), cleaned.sha256());
        preview(id, out -> Previews.ofPicture(photo.image(), out));
      } finally {
        DECODING.release();
      }
    } else if ("application/pdf".equals(type)) {
      preview(id, out -> Previews.ofPdf(chunks.read(id, ChunkStore.CONTENT), out));
    }
    attachment.stored(type, received.size(), received.sha256());
    Posted posted =
        conversations.postFile(
            caller,
            conversationId,
            clientId,
            FileRef.stored(id, attachment.displayName(), type, received.size(), kind),
            caption);
    if (posted.resend()) {
      transaction.setRollbackOnly();
    }
    return posted;
  }

  private static void awaitDecodingSlot() {
    try {
      if (!DECODING.tryAcquire(DECODING_WAIT_SECONDS, TimeUnit.SECONDS)) {
        throw Refused.conflict("file.photos.busy");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Refused.conflict("file.upload.interrupted");
    }
  }

  /** Draws a file's preview; a file that cannot be drawn simply has none. */
  private void preview(long id, Drawing drawing) {
    ChunkOutput out = new ChunkOutput((n, bytes) -> chunks.put(id, ChunkStore.PREVIEW, n, bytes));
    try (out) {
      drawing.draw(out);
    } catch (IOException | RuntimeException e) {
      // Chunks already written stay in this transaction; without all of them there is no preview.
      chunks.drop(id, ChunkStore.PREVIEW);
      LOG.fine(() -> "No preview for file " + id + ": " + e.getClass().getSimpleName());
    }
  }

  @FunctionalInterface
  private interface Drawing {
    void draw(java.io.OutputStream out) throws IOException;
  }

  /** Deletes an upload that did not become an entry, with whatever of its bytes arrived. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void discard(long id) {
    discardNow(id);
  }

  /** Deletes uploads still receiving an hour after they began: their process died. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void sweep() {
    em.createNamedQuery(Attachment.STALE, Long.class)
        .setParameter("before", clock.instant().minus(Duration.ofHours(1)))
        .getResultList()
        .forEach(this::discardNow);
  }

  private void discardNow(long id) {
    em.createNativeQuery("delete from attachment where id = ?1 and status = 'RECEIVING'")
        .setParameter(1, id)
        .executeUpdate();
  }

  /** What arrived: its size and SHA-256. */
  public record Received(long size, String sha256) {}
}
