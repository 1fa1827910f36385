package com.consultchat.web.messaging.boundary;

import com.consultchat.messaging.boundary.ConversationKind;
import com.consultchat.messaging.boundary.Conversations;
import com.consultchat.messaging.boundary.MemberRef;
import com.consultchat.messaging.boundary.MessageSearch;
import com.consultchat.messaging.boundary.Place;
import com.consultchat.messaging.boundary.SearchHit;
import com.consultchat.messaging.boundary.SearchQuery;
import com.consultchat.messaging.boundary.SearchResults;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.platform.boundary.Settings;
import com.consultchat.web.account.boundary.CurrentUser;
import com.consultchat.web.platform.boundary.PageText;
import com.consultchat.web.platform.boundary.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The search page: a plain GET form, so a search can be bookmarked, reloaded and paged, and each
 * hit links to its conversation opened at the message. Dates are days in the clinic's time zone.
 * The words are never logged; the boundary decides what the person may find.
 */
@Named
@RequestScoped
public class SearchView {

  @Inject MessageSearch search;
  @Inject Conversations conversations;
  @Inject CurrentUser currentUser;
  @Inject Settings settings;
  @Inject HttpServletRequest request;
  @Inject PageText text;

  private SearchResults results;
  private String error;
  private List<Place> scopes;

  public SearchResults getResults() {
    if (results == null) {
      try {
        results = search.search(currentUser.caller(), query());
      } catch (Refused refused) {
        error = text.refusal(refused);
        results = SearchResults.none();
      }
    }
    return results;
  }

  /** Why the search found nothing, if it was refused. */
  public String getError() {
    getResults();
    return error;
  }

  public boolean isSearched() {
    return !text().isEmpty();
  }

  /** The caller's own conversations, to narrow a search to one. */
  public List<Place> getScopes() {
    if (scopes == null) {
      scopes = search.scopes(currentUser.caller(), id(request.getParameter("in")));
    }
    return scopes;
  }

  /** The others in the chosen conversation, as it names them; none before one is chosen. */
  public List<MemberRef> getPeople() {
    Long conversation = id(request.getParameter("in"));
    if (conversation == null) {
      return List.of();
    }
    try {
      return conversations.others(currentUser.caller(), conversation);
    } catch (Refused notAMember) {
      return List.of();
    }
  }

  /** The page a hit opens: its conversation, scrolled to and marking the message. */
  public String link(SearchHit hit) {
    return place(hit.place()) + "&seq=" + hit.seq();
  }

  /** A conversation's page. */
  public String place(Place place) {
    String page =
        place.kind() == ConversationKind.ROOM
            ? "/rooms/room.xhtml?id="
            : "/consultation/chat.xhtml?id=";
    return request.getContextPath() + page + place.ownerId();
  }

  public int getPage() {
    return Math.max(0, Pages.number(request.getParameter("page")));
  }

  /** The query string of the next page with the same words and filters. */
  public String getNextPage() {
    return Pages.pageLink(
        request, getPage() + 1, List.of("q", "in", "from", "since", "until", "files"));
  }

  private SearchQuery query() {
    String from = request.getParameter("from");
    boolean mine = "me".equals(from);
    Long in = id(request.getParameter("in"));
    Long sender = mine || in == null ? null : id(from);
    return new SearchQuery(
        text(),
        in,
        sender,
        mine,
        day(request.getParameter("since"), 0),
        day(request.getParameter("until"), 1),
        "1".equals(request.getParameter("files")),
        getPage() * MessageSearch.PAGE);
  }

  private String text() {
    String q = request.getParameter("q");
    return q == null ? "" : q.strip();
  }

  /** The start of the day (or of the day after, for the last day) in the clinic's zone. */
  private Instant day(String raw, int plusDays) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(raw.strip())
          .plusDays(plusDays)
          .atStartOfDay(ZoneId.of(settings.timeZone()))
          .toInstant();
    } catch (DateTimeParseException unreadable) {
      throw Refused.invalid("search.date.unreadable");
    }
  }

  private static Long id(String raw) {
    try {
      long id = raw == null ? 0 : Long.parseLong(raw.strip());
      return id > 0 ? id : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
