package com.consultchat.attachment.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.attachment.entity.Attachment;
import com.consultchat.audit.boundary.AuditAction;
import com.consultchat.audit.boundary.AuditLog;
import com.consultchat.audit.boundary.AuditTarget;
import com.consultchat.messaging.boundary.Conversations;
import com.consultchat.messaging.boundary.FileChange;
import com.consultchat.messaging.boundary.Posted;
import com.consultchat.platform.boundary.Refused;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A file as a clinical document: its kind, and whether a specialist verified it. The sender or the
 * conversation's staff may change the kind; staff who are members verify; a verification is
 * withdrawn by whoever gave it or by someone senior to them, which here means an administrator (the
 * one role above staff; administrators need not be members, and such a withdrawal is audited as
 * administrator access). Each change is an entry of the conversation's stream, made through
 * messaging's one write path, and an audit row in the same transaction. An id that is unknown, or
 * of a file the caller may not see, meets the same "not found" as everywhere else.
 */
@Stateless
public class ClinicalFiles {

  @Inject EntityManager em;
  @Inject Conversations conversations;
  @Inject AuditLog auditLog;

  public Posted changeKind(Caller caller, long fileId, String clientId, String rawKind) {
    ClinicalKind kind = ClinicalKind.parse(rawKind);
    Attachment file = visible(caller, fileId, false);
    AtomicReference<String> before = new AtomicReference<>();
    FileChange rule =
        (current, senderId, actor, now) -> {
          if (senderId != caller.id() && !caller.isStaff()) {
            throw Refused.forbidden("file.kind.forbidden");
          }
          if (kind.name().equals(current.kind())) {
            String already =
                "file.kind.same." + kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
            throw Refused.conflict(already);
          }
          before.set(current.kind());
          return current.withKind(kind.name());
        };
    Posted posted = update(caller, file, clientId, "KIND " + kind.name(), rule);
    if (!posted.resend()) {
      audit(caller, false, AuditAction.FILE_KIND_CHANGED, file, before.get() + "->" + kind.name());
    }
    return posted;
  }

  public Posted verify(Caller caller, long fileId, String clientId) {
    Attachment file = visible(caller, fileId, false);
    FileChange rule =
        (current, senderId, actor, now) -> {
          if (!caller.isStaff()) {
            throw Refused.forbidden("file.verify.forbidden");
          }
          if (current.isVerified()) {
            throw Refused.conflict("file.verified.already");
          }
          return current.verified(caller.id(), actor, now);
        };
    Posted posted = update(caller, file, clientId, "VERIFIED", rule);
    if (!posted.resend()) {
      audit(caller, false, AuditAction.FILE_VERIFIED, file, null);
    }
    return posted;
  }

  public Posted revoke(Caller caller, long fileId, String clientId) {
    Attachment file = visible(caller, fileId, true);
    boolean member = conversations.mayRead(caller, file.conversationId());
    AtomicReference<Long> verifier = new AtomicReference<>();
    FileChange rule =
        (current, senderId, actor, now) -> {
          if (!current.isVerified()) {
            throw Refused.conflict("file.not.verified");
          }
          if (!current.verifiedById().equals(caller.id()) && !caller.isAdmin()) {
            throw Refused.forbidden("file.revoke.forbidden");
          }
          verifier.set(current.verifiedById());
          return current.unverified();
        };
    Posted posted = update(caller, file, clientId, "UNVERIFIED", rule);
    if (!posted.resend()) {
      audit(
          caller,
          !member,
          AuditAction.FILE_VERIFICATION_REVOKED,
          file,
          "verifiedBy=" + verifier.get());
    }
    return posted;
  }

  private Posted update(
      Caller caller, Attachment file, String clientId, String change, FileChange rule) {
    return conversations.updateFile(
        caller, file.conversationId(), file.id(), clientId, change, rule);
  }

  /**
   * The file, if the caller may see it: a member of its conversation, or (where {@code
   * administrators} says so) an administrator.
   */
  private Attachment visible(Caller caller, long fileId, boolean administrators) {
    Attachment file = em.find(Attachment.class, fileId);
    if (file == null || !file.isServable()) {
      throw Refused.notFound(Attachments.NOT_FOUND);
    }
    boolean member = conversations.mayRead(caller, file.conversationId());
    if (!member && !(administrators && caller.isAdmin())) {
      throw Refused.notFound(Attachments.NOT_FOUND);
    }
    return file;
  }

  private void audit(
      Caller caller, boolean adminAccess, AuditAction action, Attachment file, String detail) {
    auditLog.record(
        caller,
        adminAccess,
        action,
        AuditTarget.FILE,
        file.id(),
        "conversation=" + file.conversationId() + (detail == null ? "" : "; " + detail));
  }
}
