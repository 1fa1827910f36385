package com.consultchat.privacy.boundary;

import com.consultchat.account.boundary.AccountErasure;
import com.consultchat.account.boundary.Accounts;
import com.consultchat.account.boundary.Caller;
import com.consultchat.audit.boundary.AuditAction;
import com.consultchat.audit.boundary.AuditLog;
import com.consultchat.audit.boundary.AuditTarget;
import com.consultchat.consultation.boundary.Consultations;
import com.consultchat.platform.boundary.RateLimits;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.platform.boundary.Settings;
import com.consultchat.privacy.entity.ErasureRequest;
import com.consultchat.room.boundary.RoomPosts;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The right to erasure. A patient asks; an administrator reviews the request and carries it out or
 * declines it with a reason the patient reads. Carrying it out takes down the person's room posts
 * (and the files among them) as a moderator's removal does, closes the person's open consultations
 * (nobody is left to answer them) and pseudonymises the account; the consultations stay, as the
 * medical record, until their retention period ends. Audit rows are never changed, and none holds
 * content.
 */
@Stateless
public class ErasureRequests {

  static final String NOT_FOUND = "erasure.not.found";

  @Inject EntityManager em;
  @Inject Accounts accounts;
  @Inject AccountErasure accountErasure;
  @Inject RoomPosts roomPosts;
  @Inject Consultations consultations;
  @Inject AuditLog auditLog;
  @Inject RateLimits rateLimits;
  @Inject Settings settings;
  @Inject Clock clock;

  /** How many years consultations are kept, for the plain words the patient reads first. */
  public int medicalRecordYears() {
    return settings.consultationRetentionYears();
  }

  public ErasureItem request(Caller caller) {
    if (!caller.isPatient()) {
      throw Refused.forbidden("erasure.staff");
    }
    rateLimits.spend(caller.id(), RateLimits.Kind.ACTIONS);
    if (latest(caller.id()).filter(r -> r.status() == ErasureStatus.PENDING).isPresent()) {
      throw Refused.conflict("erasure.asked.already");
    }
    ErasureRequest request = new ErasureRequest(caller.id(), clock.instant());
    try {
      em.persist(request);
      em.flush();
    } catch (PersistenceException raceWithTheSameRequest) {
      throw Refused.conflict("erasure.asked.already");
    }
    auditLog.record(
        caller,
        false,
        AuditAction.ERASURE_REQUESTED,
        AuditTarget.ACCOUNT,
        caller.id(),
        "request=" + request.id());
    return item(request);
  }

  /** The caller's latest request, if any. */
  public Optional<ErasureItem> mine(Caller caller) {
    return latest(caller.id()).map(this::item);
  }

  /** Open requests first, then the decided ones, newest first. Administrators only. */
  public List<ErasureItem> all(Caller admin) {
    requireAdmin(admin);
    return em.createNamedQuery(ErasureRequest.ALL, ErasureRequest.class)
        .setMaxResults(500)
        .getResultStream()
        .map(this::item)
        .toList();
  }

  public ErasureItem carryOut(Caller admin, long requestId) {
    requireAdmin(admin);
    ErasureRequest request = find(requestId);
    long person = request.accountId();
    request.carryOut(admin.id(), clock.instant());
    int consultationsClosed = consultations.closeForErasure(admin, person);
    int posts = roomPosts.removeAll(admin, person);
    accountErasure.erase(admin, person, pseudonym(person));
    auditLog.record(
        admin,
        true,
        AuditAction.ERASURE_CARRIED_OUT,
        AuditTarget.ACCOUNT,
        person,
        "request="
            + requestId
            + " roomPostsRemoved="
            + posts
            + " consultationsClosed="
            + consultationsClosed);
    return item(request);
  }

  public ErasureItem decline(Caller admin, long requestId, String reason) {
    requireAdmin(admin);
    ErasureRequest request = find(requestId);
    request.decline(admin.id(), clock.instant(), reason);
    auditLog.record(
        admin,
        true,
        AuditAction.ERASURE_DECLINED,
        AuditTarget.ACCOUNT,
        request.accountId(),
        "request=" + requestId);
    return item(request);
  }

  /** The name an erased person goes by in the medical record and wherever else they appear. */
  public static String pseudonym(long accountId) {
    return "Former patient #" + accountId;
  }

  private Optional<ErasureRequest> latest(long accountId) {
    return em.createNamedQuery(ErasureRequest.OF_ACCOUNT, ErasureRequest.class)
        .setParameter("account", accountId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst();
  }

  private ErasureRequest find(long requestId) {
    ErasureRequest request = em.find(ErasureRequest.class, requestId);
    if (request == null) {
      throw Refused.notFound(NOT_FOUND);
    }
    return request;
  }

  private ErasureItem item(ErasureRequest request) {
    Optional<Caller> person = accounts.caller(request.accountId());
    return new ErasureItem(
        request.id(),
        request.accountId(),
        person.map(Caller::displayName).orElse("?"),
        person.map(Caller::username).orElse("?"),
        request.requestedAt(),
        request.status(),
        request.decidedAt(),
        request.reason());
  }

  private static void requireAdmin(Caller caller) {
    if (!caller.isAdmin()) {
      throw Refused.forbidden("erasure.forbidden");
    }
  }
}
