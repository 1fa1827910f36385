package com.consultchat.privacy.boundary;

import com.consultchat.account.boundary.AccountDetails;
import com.consultchat.account.boundary.AccountErasure;
import com.consultchat.account.boundary.Accounts;
import com.consultchat.account.boundary.Caller;
import com.consultchat.attachment.boundary.Attachments;
import com.consultchat.attachment.boundary.FileGrant;
import com.consultchat.audit.boundary.AccessHistory;
import com.consultchat.audit.boundary.AccessRecord;
import com.consultchat.audit.boundary.AuditAction;
import com.consultchat.audit.boundary.AuditLog;
import com.consultchat.audit.boundary.AuditTarget;
import com.consultchat.consultation.boundary.Transcript;
import com.consultchat.consultation.boundary.Transcripts;
import com.consultchat.platform.boundary.RateLimits;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.privacy.control.ActionWords;
import com.consultchat.room.boundary.RoomPost;
import com.consultchat.room.boundary.RoomPosts;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The right of access: everything ConsultChat holds about a person, for that person, or for an
 * administrator producing it on their behalf (every part audited as administrator access). Each
 * feature checks the caller for its own part; only the person's own posts are ever included. The
 * export itself is audited and spends from the person's actions budget: it reads a lot.
 */
@Stateless
public class DataExports {

  static final String NOT_FOUND = "export.person.not.found";

  @Inject Accounts accounts;
  @Inject AccountErasure accountErasure;
  @Inject Transcripts transcripts;
  @Inject RoomPosts roomPosts;
  @Inject Attachments attachments;
  @Inject AccessHistory accessHistory;
  @Inject AuditLog auditLog;
  @Inject RateLimits rateLimits;
  @Inject Clock clock;

  public DataExport prepare(Caller caller, long personId) {
    boolean own = caller.id() == personId;
    if (!own && !caller.isAdmin()) {
      throw Refused.notFound(NOT_FOUND);
    }
    rateLimits.spend(caller.id(), RateLimits.Kind.ACTIONS);
    AccountDetails account = accountErasure.details(caller, personId);
    List<Transcript> consultations = transcripts.ofPatient(caller, personId);
    List<RoomPost> posts = roomPosts.by(caller, personId);
    List<FileGrant> files = attachments.sentBy(caller, personId);
    List<AccessEntry> trail =
        words(
            personId,
            accessHistory.about(
                personId,
                consultations.stream().map(Transcript::consultationId).toList(),
                files.stream().map(FileGrant::id).toList()));
    auditLog.record(
        caller,
        !own,
        AuditAction.DATA_EXPORTED,
        AuditTarget.ACCOUNT,
        personId,
        "consultations="
            + consultations.size()
            + " roomPosts="
            + posts.size()
            + " files="
            + files.size());
    return new DataExport(clock.instant(), account, consultations, posts, files, trail);
  }

  private List<AccessEntry> words(long personId, List<AccessRecord> records) {
    Map<Long, Optional<Caller>> people = new HashMap<>();
    return records.stream()
        .map(
            r -> {
              Optional<Caller> actor =
                  r.actorId() == null
                      ? Optional.empty()
                      : people.computeIfAbsent(r.actorId(), accounts::caller);
              String who =
                  r.actorId() != null && r.actorId() == personId
                      ? "You"
                      : actor.map(Caller::displayName).orElse("Someone unknown");
              return new AccessEntry(
                  r.occurredAt(),
                  who,
                  r.actorRole() == null ? null : r.actorRole().toLowerCase(),
                  ActionWords.action(r.action()),
                  ActionWords.object(r.targetType(), r.targetId()),
                  r.adminAccess());
            })
        .toList();
  }
}
