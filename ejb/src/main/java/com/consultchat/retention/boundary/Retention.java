package com.consultchat.retention.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.account.boundary.Role;
import com.consultchat.messaging.boundary.Purges;
import com.consultchat.platform.boundary.Settings;
import com.consultchat.retention.control.PurgeRules;
import com.consultchat.retention.control.PurgeSelection;
import com.consultchat.retention.control.Purger;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Purges what the retention periods no longer cover: closed consultations (the medical record,
 * default ten years after closing) and room posts (default one year), never an open consultation
 * and never anything under a legal hold. A dry run lists what would go; a real run removes it in
 * small transactions ({@link Purger}) and writes one audit row per conversation with counts and
 * sequence numbers, never content. Runs nightly ({@code RetentionSchedule}) and on an
 * administrator's request.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Retention {

  /** The actor of the nightly run in the audit trail: no person started it. */
  public static final Caller SCHEDULE = new Caller(0, "retention", "Nightly retention", Role.ADMIN);

  /** Conversations a dry run lists, and a real run's pass takes, at most. */
  static final int PASS = 1000;

  private static final System.Logger LOG = System.getLogger(Retention.class.getName());

  @Inject Settings settings;
  @Inject PurgeSelection selection;
  @Inject Purger purger;
  @Inject Clock clock;

  /** What a purge now would remove; removes nothing. */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public PurgeReport dryRun(Caller caller) {
    LegalHolds.requireAdmin(caller);
    Instant now = clock.instant();
    Instant consultations = consultationCutoff(now);
    Instant rooms = roomCutoff(now);
    List<PurgeSelection.Candidate> candidates = selection.consultations(consultations, PASS + 1);
    List<PurgeItem> items = new ArrayList<>();
    long held = 0;
    for (PurgeSelection.Candidate candidate :
        candidates.subList(0, Math.min(PASS, candidates.size()))) {
      if (PurgeRules.consultationDue(
          candidate.status(), candidate.closedAt(), consultations, candidate.held())) {
        items.add(candidate.item());
      } else if (candidate.held()) {
        held++;
      }
    }
    List<PurgeItem> roomItems = selection.roomItems(rooms, PASS + 1);
    items.addAll(roomItems.subList(0, Math.min(PASS, roomItems.size())));
    boolean more = candidates.size() > PASS || roomItems.size() > PASS;
    return new PurgeReport(
        true, now, consultations, rooms, items, held, selection.heldRoomEntries(rooms), more);
  }

  /** Purges now, on an administrator's request; the audit rows name them. */
  public PurgeReport purgeNow(Caller caller) {
    LegalHolds.requireAdmin(caller);
    return purge(caller);
  }

  /** The nightly run. */
  public PurgeReport scheduled() {
    return purge(SCHEDULE);
  }

  private PurgeReport purge(Caller actor) {
    Instant now = clock.instant();
    Instant consultations = consultationCutoff(now);
    Instant rooms = roomCutoff(now);
    List<PurgeItem> done = new ArrayList<>();
    Set<Long> held = new HashSet<>();
    List<PurgeSelection.Candidate> candidates;
    do {
      candidates = selection.consultations(consultations, PASS);
      int purgedBefore = done.size();
      for (PurgeSelection.Candidate candidate : candidates) {
        if (candidate.held()) {
          held.add(candidate.consultation());
        } else {
          purgeConsultation(actor, candidate, consultations, now).ifPresent(done::add);
        }
      }
      // Held ones stay candidates; stop once a pass removes nothing new.
      if (done.size() == purgedBefore) {
        break;
      }
    } while (candidates.size() == PASS);
    List<PurgeItem> roomItems;
    do {
      roomItems = selection.roomItems(rooms, PASS);
      long removed = 0;
      Map<Long, Long> roomOf = new LinkedHashMap<>();
      roomItems.forEach(item -> roomOf.putIfAbsent(item.conversation(), item.owner()));
      for (Map.Entry<Long, Long> room : roomOf.entrySet()) {
        PurgeItem item = purgeRoom(actor, room.getKey(), room.getValue(), rooms, now);
        removed += item.entries();
        if (item.entries() > 0) {
          done.add(item);
        }
      }
      if (removed == 0) {
        break;
      }
    } while (roomItems.size() == PASS);
    if (!done.isEmpty()) {
      LOG.log(Level.INFO, "Retention purged {0} conversations", done.size());
    }
    return new PurgeReport(
        false,
        now,
        consultations,
        rooms,
        done,
        held.size(),
        selection.heldRoomEntries(rooms),
        false);
  }

  private Optional<PurgeItem> purgeConsultation(
      Caller actor, PurgeSelection.Candidate candidate, Instant cutoff, Instant now) {
    List<Long> seqs = new ArrayList<>();
    long files = 0;
    Purger.Batch batch;
    do {
      batch = purger.consultation(candidate.consultation(), cutoff, now);
      seqs.addAll(batch.seqs());
      files += batch.files();
    } while (!batch.done());
    if (seqs.isEmpty() && candidate.entries() > 0) {
      return Optional.empty(); // no longer due: held or changed meanwhile
    }
    PurgeItem item =
        new PurgeItem(
            PurgeItem.Kind.CONSULTATION,
            candidate.consultation(),
            candidate.conversation(),
            seqs.size(),
            files,
            Purges.runs(seqs));
    purger.audit(actor, item);
    return Optional.of(item);
  }

  private PurgeItem purgeRoom(
      Caller actor, long conversation, long room, Instant cutoff, Instant now) {
    List<Long> seqs = new ArrayList<>();
    long files = 0;
    Purger.Batch batch;
    do {
      batch = purger.room(conversation, cutoff, now);
      seqs.addAll(batch.seqs());
      files += batch.files();
    } while (!batch.done());
    PurgeItem item =
        new PurgeItem(
            PurgeItem.Kind.ROOM, room, conversation, seqs.size(), files, Purges.runs(seqs));
    if (!seqs.isEmpty()) {
      purger.audit(actor, item);
    }
    return item;
  }

  private Instant consultationCutoff(Instant now) {
    return PurgeRules.consultationCutoff(now, settings.consultationRetentionYears());
  }

  private Instant roomCutoff(Instant now) {
    return PurgeRules.roomCutoff(now, settings.roomRetentionDays());
  }
}
