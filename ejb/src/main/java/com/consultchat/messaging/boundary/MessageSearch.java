package com.consultchat.messaging.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.audit.boundary.AuditAction;
import com.consultchat.audit.boundary.AuditLog;
import com.consultchat.audit.boundary.AuditTarget;
import com.consultchat.messaging.control.Aliases;
import com.consultchat.messaging.control.Highlights;
import com.consultchat.messaging.control.TextSearch;
import com.consultchat.messaging.control.TextSearch.Found;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Full-text search over the messages a person may read: members search the conversations they
 * belong to (the rule of every read of messages, {@link Conversations#mayRead}), administrators
 * search all. An administrator's search is in the audit trail with its filters and the
 * conversations it showed — never its words: they may be health data (a diagnosis, a patient's
 * name), and the audit trail is kept longer than any message, is read by every administrator and is
 * exported; the conversations shown are what the trail must account for.
 */
@Stateless
public class MessageSearch {

  /** Hits per page. */
  public static final int PAGE = 20;

  private static final int AUDITED_DETAIL = 500;

  @Inject EntityManager em;
  @Inject TextSearch search;
  @Inject Aliases aliases;
  @Inject AuditLog auditLog;
  @Inject @Any Instance<ConversationPlaces> owners;

  /** A page of messages matching the query, best first; nothing for a blank query. */
  public SearchResults search(Caller caller, SearchQuery query) {
    if (query.blank()) {
      return SearchResults.none();
    }
    boolean everywhere = caller.isAdmin();
    Long sender = query.sender() == null ? null : account(query.conversationId(), query.sender());
    List<Found> found = search.find(query, caller.id(), everywhere, sender, PAGE + 1);
    boolean more = found.size() > PAGE;
    List<Found> page = more ? found.subList(0, PAGE) : found;
    Map<Long, Place> places = places(page.stream().map(Found::conversationId).toList());
    List<SearchHit> hits =
        page.stream()
            .filter(hit -> places.containsKey(hit.conversationId()))
            .map(hit -> hit(hit, places))
            .toList();
    if (everywhere) {
      audit(caller, query, hits);
    }
    return new SearchResults(hits, more, found.stream().anyMatch(Found::capped));
  }

  /**
   * The conversations the caller may narrow a search to, by title: their own, and for an
   * administrator also {@code chosen} (the one they came from), which they may search too.
   */
  public List<Place> scopes(Caller caller, Long chosen) {
    List<Long> mine =
        new ArrayList<>(
            em.createQuery(
                    "select m.conversationId from ConversationMember m"
                        + " where m.accountId = :account",
                    Long.class)
                .setParameter("account", caller.id())
                .getResultList());
    if (chosen != null && caller.isAdmin()) {
      mine.add(chosen);
    }
    return places(mine).values().stream()
        .sorted(Comparator.comparing(Place::title, String.CASE_INSENSITIVE_ORDER))
        .toList();
  }

  /** The sender as their conversation names them, one by one: a room may have thousands. */
  private SearchHit hit(Found found, Map<Long, Place> places) {
    Alias sender = aliases.of(found.conversationId(), found.senderId(), found.senderName());
    return new SearchHit(
        places.get(found.conversationId()),
        found.seq(),
        found.sentAt(),
        sender.name(),
        found.kind(),
        found.fileName(),
        Highlights.parts(found.marked()));
  }

  /**
   * The account behind a participant as the conversation names them. Where the conversation gives
   * its members other names (a room's handles), only those count: an account id there would let a
   * searcher test which account wrote under which pseudonym.
   */
  private long account(long conversationId, long alias) {
    Map<Long, Alias> names = aliases.of(conversationId);
    if (names.isEmpty()) {
      return alias;
    }
    return names.entrySet().stream()
        .filter(entry -> entry.getValue().id() == alias)
        .map(Map.Entry::getKey)
        .findFirst()
        .orElse(-1L);
  }

  private Map<Long, Place> places(List<Long> conversationIds) {
    Set<Long> ids = new LinkedHashSet<>(conversationIds);
    Map<Long, Place> places = new HashMap<>();
    if (!ids.isEmpty()) {
      owners.forEach(owner -> places.putAll(owner.places(ids)));
    }
    return places;
  }

  private void audit(Caller caller, SearchQuery query, List<SearchHit> hits) {
    StringBuilder detail = new StringBuilder("Searched ");
    detail.append(
        query.conversationId() == null
            ? "all conversations"
            : "conversation " + query.conversationId());
    if (query.sender() != null) {
      detail.append(", messages of participant ").append(query.sender());
    }
    if (query.mine()) {
      detail.append(", own messages");
    }
    if (query.from() != null) {
      detail.append(", from ").append(query.from());
    }
    if (query.until() != null) {
      detail.append(", until ").append(query.until());
    }
    if (query.withFile()) {
      detail.append(", files only");
    }
    if (query.offset() > 0) {
      detail.append(", results after ").append(query.offset());
    }
    String shown =
        hits.stream()
            .map(hit -> String.valueOf(hit.place().conversationId()))
            .distinct()
            .collect(Collectors.joining(", "));
    detail.append("; ").append(hits.size()).append(" hits");
    if (!shown.isEmpty()) {
      detail.append(" in conversations ").append(shown);
    }
    String text = detail.toString();
    auditLog.record(
        caller,
        true,
        AuditAction.MESSAGES_SEARCHED,
        AuditTarget.CONVERSATION,
        query.conversationId(),
        text.length() > AUDITED_DETAIL ? text.substring(0, AUDITED_DETAIL - 1) + "…" : text);
  }
}
