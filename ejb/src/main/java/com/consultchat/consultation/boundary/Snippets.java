package com.consultchat.consultation.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.consultation.entity.Snippet;
import com.consultchat.platform.boundary.Refused;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.List;

/**
 * Staff's own snippets. A snippet is private to the person who wrote it: someone else's id gets the
 * same answer as an id that does not exist, and nothing changes.
 */
@Stateless
public class Snippets {

  /** Enough for a working day's phrases, few enough that the chat page can carry them all. */
  public static final int MAX_PER_OWNER = 200;

  private static final String NOT_YOURS = "snippet.unknown";

  @Inject EntityManager em;
  @Inject Clock clock;

  public List<SnippetItem> mine(Caller caller) {
    requireStaff(caller);
    return em.createNamedQuery(Snippet.OF_OWNER, Snippet.class)
        .setParameter("owner", caller.id())
        .getResultStream()
        .map(SnippetItem::of)
        .toList();
  }

  public SnippetItem create(Caller caller, String title, String shortcut, String body) {
    requireStaff(caller);
    long count =
        em.createNamedQuery(Snippet.COUNT_OF_OWNER, Long.class)
            .setParameter("owner", caller.id())
            .getSingleResult();
    if (count >= MAX_PER_OWNER) {
      throw Refused.conflict("snippet.too-many", MAX_PER_OWNER);
    }
    Snippet response = new Snippet(caller.id(), title, shortcut, body, clock.instant());
    requireFreeShortcut(caller, response);
    em.persist(response);
    return saved(response);
  }

  public SnippetItem update(Caller caller, long id, String title, String shortcut, String body) {
    Snippet response = own(caller, id);
    response.revise(title, shortcut, body, clock.instant());
    requireFreeShortcut(caller, response);
    return saved(response);
  }

  public SnippetItem delete(Caller caller, long id) {
    Snippet response = own(caller, id);
    em.remove(response);
    return SnippetItem.of(response);
  }

  private Snippet own(Caller caller, long id) {
    requireStaff(caller);
    Snippet response = em.find(Snippet.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (response == null || !response.isOwnedBy(caller.id())) {
      throw Refused.notFound(NOT_YOURS);
    }
    return response;
  }

  private void requireFreeShortcut(Caller caller, Snippet response) {
    // Asks the stored rows without flushing the change first: a clash is answered here in words,
    // not by the unique key in the middle of the query.
    boolean taken =
        em.createNamedQuery(Snippet.BY_SHORTCUT, Snippet.class)
            .setParameter("owner", caller.id())
            .setParameter("shortcut", response.shortcut())
            .setFlushMode(FlushModeType.COMMIT)
            .getResultStream()
            .anyMatch(other -> !other.id().equals(response.id()));
    if (taken) {
      throw Refused.conflict("snippet.duplicate", response.shortcut());
    }
  }

  /** The unique key still decides between two saves at the same moment; say so in words. */
  private SnippetItem saved(Snippet response) {
    try {
      em.flush();
    } catch (PersistenceException raced) {
      throw Refused.conflict("snippet.duplicate", response.shortcut());
    }
    return SnippetItem.of(response);
  }

  private static void requireStaff(Caller caller) {
    if (!caller.isStaff()) {
      throw Refused.forbidden("snippet.staff-only");
    }
  }
}
