package com.consultchat.web.admin.boundary;

import com.consultchat.account.boundary.AccountAdministration;
import com.consultchat.account.boundary.AccountPage;
import com.consultchat.account.boundary.AccountQuery;
import com.consultchat.account.boundary.AccountSummary;
import com.consultchat.account.boundary.Role;
import com.consultchat.consultation.boundary.Specialties;
import com.consultchat.web.account.boundary.CurrentUser;
import com.consultchat.web.platform.boundary.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The administrator's list of every account, searched by name or username and filtered by role,
 * status and specialty, a page at a time on the server. The search is a plain GET form, so a
 * filtered page can be bookmarked and reloaded; newest accounts come first.
 */
@Named
@RequestScoped
public class AccountSearchView {

  static final int PAGE_SIZE = 25;

  @Inject AccountAdministration administration;
  @Inject Specialties specialties;
  @Inject CurrentUser currentUser;
  @Inject HttpServletRequest request;

  private AccountPage found;

  public List<AccountSummary> getRows() {
    return found().rows();
  }

  public long getTotal() {
    return found().total();
  }

  public int getPage() {
    return Math.max(0, Pages.number(request.getParameter("page")));
  }

  public int getPages() {
    return (int) Math.max(1, (found().total() + PAGE_SIZE - 1) / PAGE_SIZE);
  }

  public boolean isHasPrevious() {
    return getPage() > 0;
  }

  public boolean isHasNext() {
    return getPage() + 1 < getPages();
  }

  /** The query string of another page with the same filters. */
  public String pageLink(int page) {
    return Pages.pageLink(request, page, List.of("q", "role", "status", "specialty"));
  }

  private AccountPage found() {
    if (found == null) {
      found =
          administration.find(
              currentUser.caller(),
              new AccountQuery(
                  request.getParameter("q"),
                  parse(Role.class, request.getParameter("role")),
                  parse(AccountQuery.Status.class, request.getParameter("status")),
                  staffOf(request.getParameter("specialty")),
                  getPage() * PAGE_SIZE,
                  PAGE_SIZE));
    }
    return found;
  }

  /** The staff who practise the chosen specialty; null when none is chosen. */
  private Set<Long> staffOf(String specialty) {
    int id = Pages.number(specialty);
    if (id <= 0) {
      return null;
    }
    return specialties.idsByStaff(currentUser.caller()).entrySet().stream()
        .filter(practised -> practised.getValue().contains(String.valueOf(id)))
        .map(Map.Entry::getKey)
        .collect(Collectors.toUnmodifiableSet());
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }
}
