package com.consultchat.attachment.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.attachment.control.ChunkOutput;
import com.consultchat.attachment.control.ChunkStore;
import com.consultchat.attachment.control.ContentTypes;
import com.consultchat.attachment.control.FileNames;
import com.consultchat.attachment.control.Intake;
import com.consultchat.attachment.control.LimitedInput;
import com.consultchat.attachment.entity.Attachment;
import com.consultchat.audit.boundary.AuditAction;
import com.consultchat.audit.boundary.AuditLog;
import com.consultchat.audit.boundary.AuditTarget;
import com.consultchat.messaging.boundary.Conversations;
import com.consultchat.messaging.boundary.Posted;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.platform.boundary.Settings;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Files in conversations. An upload is checked by its content, received chunk by chunk into the
 * database (a photo cleaned of its metadata on the way) and becomes a numbered entry of its
 * conversation through messaging's one write path, so it arrives live, in catch-up and over polling
 * like any message. Reading one is for the conversation's members (administrators too, audited as
 * such); everyone else, and every unknown id, meets the same "not found". Every read is audited and
 * checked against the checksum stored with the file.
 */
@Stateless
public class Attachments {

  static final int THUMBNAILS = 60;

  static final String NOT_FOUND = "file.not.found";

  private static final Logger LOG = Logger.getLogger(Attachments.class.getName());

  @Inject Intake intake;
  @Inject ChunkStore chunks;
  @Inject Conversations conversations;
  @Inject Settings settings;
  @Inject AuditLog auditLog;
  @Inject EntityManager em;

  /** The most a file may have, in bytes. */
  public long maxBytes() {
    return settings.attachmentMaxMb() * 1024L * 1024L;
  }

  /**
   * Receives a file and posts it. Outside any transaction: each chunk commits on its own, the
   * posting in one last transaction, and whatever arrived of an upload that fails is deleted. A
   * resend of a file already posted returns that entry without reading {@code body} at all.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public Posted upload(Caller caller, long conversationId, Upload upload, InputStream body) {
    String caption = upload.caption() == null ? "" : upload.caption().strip();
    Optional<Posted> earlier =
        conversations.earlierFile(caller, conversationId, upload.clientId(), caption);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    if (!conversations.mayRead(caller, conversationId)) {
      throw Refused.forbidden("file.not.participant");
    }
    Optional<ClinicalKind> chosen = upload.chosenKind();
    long max = maxBytes();
    if (upload.declaredLength() > max) {
      throw LimitedInput.tooLarge(max);
    }
    if (upload.declaredLength() == 0) {
      throw Refused.invalid("file.empty");
    }
    long id = intake.begin(caller, conversationId, FileNames.display(upload.name()));
    try {
      BufferedInputStream in =
          new BufferedInputStream(new LimitedInput(body, max), ContentTypes.HEAD);
      in.mark(ContentTypes.HEAD);
      String type = ContentTypes.detect(in.readNBytes(ContentTypes.HEAD));
      in.reset();
      int part = ContentTypes.isPhoto(type) ? ChunkStore.RECEIVED : ChunkStore.CONTENT;
      Intake.Received received = receive(id, part, in);
      String kind = chosen.orElse(ClinicalKind.defaultFor(type)).name();
      Posted posted =
          intake.finish(
              caller, conversationId, id, upload.clientId(), caption, type, kind, received);
      if (posted.resend()) {
        intake.discard(id);
      }
      return posted;
    } catch (IOException e) {
      intake.discard(id);
      throw Refused.invalid("file.upload.stopped");
    } catch (RuntimeException e) {
      intake.discard(id);
      throw e;
    }
  }

  private Intake.Received receive(long id, int part, InputStream in) throws IOException {
    ChunkOutput out = new ChunkOutput((n, bytes) -> intake.put(id, part, n, bytes));
    try (out) {
      in.transferTo(out);
    }
    return new Intake.Received(out.size(), out.sha256());
  }

  /**
   * Leave to read a file, for a member of its conversation or an administrator, after its checksum
   * was checked; the read is audited. A file whose bytes no longer match is not served.
   */
  public FileGrant open(Caller caller, long id, boolean preview) {
    Attachment attachment = em.find(Attachment.class, id);
    if (attachment == null || !attachment.isServable()) {
      throw Refused.notFound(NOT_FOUND);
    }
    boolean member = conversations.mayRead(caller, attachment.conversationId());
    if (!member && !caller.isAdmin()) {
      throw Refused.notFound(NOT_FOUND);
    }
    if (!chunks.sha256(id, ChunkStore.CONTENT).map(attachment.sha256()::equals).orElse(false)) {
      // The id only: never a name, which is health information.
      LOG.severe(() -> "Stored file " + id + " no longer matches its checksum; it is not served.");
      throw Refused.conflict("file.damaged");
    }
    auditLog.record(
        caller,
        !member,
        preview ? AuditAction.FILE_PREVIEWED : AuditAction.FILE_DOWNLOADED,
        AuditTarget.FILE,
        id,
        "conversation=" + attachment.conversationId());
    return new FileGrant(
        id,
        attachment.displayName(),
        attachment.mediaType(),
        attachment.size(),
        ChunkStore.CONTENT);
  }

  /**
   * Leave to read every stored file a person sent, anywhere, for their data export: for the person
   * or an administrator on their behalf (audited as such). Each counts as a download; a file whose
   * bytes no longer match their checksum is left out.
   */
  public List<FileGrant> sentBy(Caller caller, long personId) {
    boolean own = caller.id() == personId;
    if (!own && !caller.isAdmin()) {
      throw Refused.notFound(NOT_FOUND);
    }
    return em.createQuery(
            "select a from Attachment a where a.uploaderId = :person order by a.id",
            Attachment.class)
        .setParameter("person", personId)
        .getResultStream()
        .filter(Attachment::isServable)
        .filter(
            a -> {
              boolean intact =
                  chunks.sha256(a.id(), ChunkStore.CONTENT).map(a.sha256()::equals).orElse(false);
              if (!intact) {
                LOG.severe(() -> "Stored file " + a.id() + " no longer matches its checksum.");
              }
              return intact;
            })
        .map(
            a -> {
              auditLog.record(
                  caller,
                  !own,
                  AuditAction.FILE_DOWNLOADED,
                  AuditTarget.FILE,
                  a.id(),
                  "conversation=" + a.conversationId() + " export");
              return new FileGrant(
                  a.id(), a.displayName(), a.mediaType(), a.size(), ChunkStore.CONTENT);
            })
        .toList();
  }

  /**
   * Leave to read a file's preview (a photo's thumbnail, a PDF's first page), on the same terms as
   * the file and audited as a preview; not found if the file has none.
   */
  public FileGrant openPreview(Caller caller, long id) {
    FileGrant file = open(caller, id, true);
    if (!chunks.has(id, ChunkStore.PREVIEW)) {
      throw Refused.notFound(NOT_FOUND);
    }
    return new FileGrant(id, file.name(), "image/jpeg", -1, ChunkStore.PREVIEW);
  }

  /**
   * The SHA-256 stored with each of these files, for a transcript that lists them; the caller has
   * checked that its reader may see the conversation. Removed files are left out.
   */
  public Map<Long, String> checksums(Collection<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<Long, String> checksums = new HashMap<>();
    em.createQuery(
            "select a.id, a.sha256 from Attachment a where a.id in :ids and a.removedAt is null",
            Object[].class)
        .setParameter("ids", ids)
        .getResultStream()
        .forEach(row -> checksums.put((Long) row[0], (String) row[1]));
    return checksums;
  }

  /**
   * The preview (a small JPEG) of each of these files that has one, for a transcript's PDF; the
   * caller has checked that its reader may see the conversation. At most {@link #THUMBNAILS} of
   * them, so a transcript full of photos stays a document rather than an album.
   */
  public Map<Long, byte[]> thumbnails(Collection<Long> ids) {
    Map<Long, byte[]> thumbnails = new HashMap<>();
    for (Long id : ids) {
      if (thumbnails.size() == THUMBNAILS) {
        break;
      }
      Attachment attachment = em.find(Attachment.class, id);
      if (attachment != null && attachment.isServable() && chunks.has(id, ChunkStore.PREVIEW)) {
        try (InputStream in = chunks.read(id, ChunkStore.PREVIEW)) {
          thumbnails.put(id, in.readAllBytes());
        } catch (IOException e) {
          LOG.warning(() -> "The preview of file " + id + " could not be read; left out.");
        }
      }
    }
    return thumbnails;
  }

  /**
   * Writes the granted file to {@code out}, one chunk at a time; outside a transaction, so a slow
   * reader holds a database connection only while each chunk is read.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void write(FileGrant grant, OutputStream out) throws IOException {
    try (InputStream in = chunks.read(grant.id(), grant.part())) {
      in.transferTo(out);
    }
  }
}
