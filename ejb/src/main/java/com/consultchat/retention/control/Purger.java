package com.consultchat.retention.control;

import com.consultchat.account.boundary.Caller;
import com.consultchat.audit.boundary.AuditAction;
import com.consultchat.audit.boundary.AuditLog;
import com.consultchat.audit.boundary.AuditTarget;
import com.consultchat.consultation.boundary.RecordPurge;
import com.consultchat.messaging.boundary.Purges;
import com.consultchat.retention.boundary.PurgeItem;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * One batch of a purge per call, each in a transaction of its own: a batch holds its locks (the
 * consultation row, the rows it deletes) for a moment, never for the whole run, and a failure stops
 * one batch, not the rest. Each batch checks again, under its lock, that what it removes is still
 * due, so a hold placed during a run takes effect at once.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Purger {

  /** Entries removed per transaction. */
  public static final int BATCH = 500;

  private static final int DETAIL_MAX = 480;

  @Inject PurgeSelection selection;
  @Inject Purges purges;
  @Inject RecordPurge records;
  @Inject AuditLog audit;

  /** What one batch removed; {@code done} when nothing is left to remove in that conversation. */
  public record Batch(List<Long> seqs, long files, boolean done) {

    static Batch nothing() {
      return new Batch(List.of(), 0, true);
    }
  }

  /**
   * Removes the next entries of a consultation due; the last batch empties the record itself. An
   * empty, done batch when it is no longer due (reopened, held since).
   */
  public Batch consultation(long consultation, Instant cutoff, Instant now) {
    PurgeSelection.Candidate current = selection.consultationLocked(consultation);
    if (current == null
        || !PurgeRules.consultationDue(
            current.status(), current.closedAt(), cutoff, current.held())) {
      return Batch.nothing();
    }
    List<Long> seqs = selection.consultationSeqs(current.conversation(), BATCH);
    long files = selection.files(current.conversation(), seqs);
    purges.remove(current.conversation(), seqs, now);
    boolean done = seqs.size() < BATCH;
    if (done) {
      records.forget(consultation, now);
    }
    return new Batch(seqs, files, done);
  }

  /** Removes the next entries of a room due. */
  public Batch room(long conversation, Instant cutoff, Instant now) {
    selection.lock(conversation);
    List<Long> seqs = selection.roomSeqs(conversation, cutoff, BATCH);
    long files = selection.files(conversation, seqs);
    purges.remove(conversation, seqs, now);
    return new Batch(seqs, files, seqs.size() < BATCH);
  }

  /** The audit row of what went from one conversation: counts and numbers, never content. */
  public void audit(Caller actor, PurgeItem item) {
    String detail =
        "conversation "
            + item.conversation()
            + ": "
            + item.entries()
            + " entries, "
            + item.files()
            + " files; seqs "
            + item.seqText();
    audit.record(
        actor,
        true,
        AuditAction.RETENTION_PURGED,
        item.kind() == PurgeItem.Kind.CONSULTATION ? AuditTarget.CONSULTATION : AuditTarget.ROOM,
        item.owner(),
        detail.length() <= DETAIL_MAX ? detail : detail.substring(0, DETAIL_MAX) + "\u2026");
  }
}
