package com.consultchat.audit.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.audit.control.AuditSearch;
import com.consultchat.platform.boundary.Refused;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * The audit log, for administrators only. Reading it and exporting it are themselves recorded: who
 * saw whose access is health-related information too.
 */
@Stateless
@RolesAllowed("ADMIN")
public class AuditTrail {

  public static final int MAX_PAGE_SIZE = 200;

  /** More than this in one file is not a report anyone reads; a narrower time range is. */
  public static final int MAX_EXPORT = 50_000;

  @Inject EntityManager em;
  @Inject AuditLog auditLog;

  /** Newest first, narrowed by the filter. */
  public AuditPage page(Caller caller, AuditFilter filter, int first, int size) {
    requireAdmin(caller);
    if (first < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw Refused.invalid("audit.page.size", MAX_PAGE_SIZE);
    }
    AuditSearch search = new AuditSearch(filter);
    long total = search.count(em).getSingleResult();
    List<AuditEntry> entries =
        search
            .entries(em)
            .setFirstResult(first)
            .setMaxResults(size)
            .getResultStream()
            .map(AuditEntry::of)
            .toList();
    auditLog.record(
        caller,
        true,
        AuditAction.AUDIT_LOG_READ,
        AuditTarget.AUDIT_LOG,
        null,
        filter.describe() + " first=" + first);
    return new AuditPage(entries, total);
  }

  /**
   * Every entry the filter matches, newest first, for a CSV download; the export is recorded with
   * the filter and how many entries it held, in the same transaction as the reading.
   */
  public List<AuditEntry> export(Caller caller, AuditFilter filter) {
    requireAdmin(caller);
    AuditSearch search = new AuditSearch(filter);
    long total = search.count(em).getSingleResult();
    if (total > MAX_EXPORT) {
      throw Refused.invalid("audit.export.too.many", total, MAX_EXPORT);
    }
    List<AuditEntry> entries = search.entries(em).getResultStream().map(AuditEntry::of).toList();
    auditLog.record(
        caller,
        true,
        AuditAction.AUDIT_LOG_EXPORTED,
        AuditTarget.AUDIT_LOG,
        null,
        filter.describe() + " rows=" + entries.size());
    return entries;
  }

  /**
   * The container checked the role of the authenticated principal; this checks the caller the web
   * layer resolved, so the two can never disagree silently.
   */
  static void requireAdmin(Caller caller) {
    if (!caller.isAdmin()) {
      throw Refused.forbidden("audit.forbidden");
    }
  }
}
