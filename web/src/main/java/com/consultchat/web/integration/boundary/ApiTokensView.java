package com.consultchat.web.integration.boundary;

import com.consultchat.integration.boundary.ApiScope;
import com.consultchat.integration.boundary.ApiTokens;
import com.consultchat.integration.boundary.IssuedToken;
import com.consultchat.integration.boundary.TokenItem;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.web.account.boundary.CurrentUser;
import com.consultchat.web.integration.control.ShownOnce;
import com.consultchat.web.platform.boundary.Feedback;
import com.consultchat.web.platform.boundary.PageText;
import com.consultchat.web.platform.boundary.Pages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Administrators create API tokens for the site's other systems and revoke them. A new token's
 * secret is shown once, on the page the creation leads to, and kept nowhere.
 */
@Named
@RequestScoped
public class ApiTokensView {

  private static final String PAGE = "/admin/api-tokens.xhtml";

  @Inject ApiTokens tokens;
  @Inject CurrentUser currentUser;
  @Inject PageText text;

  private String name;
  private String username;
  private List<String> scopes = new ArrayList<>();
  private int days = 90;
  private List<TokenItem> list;

  public List<TokenItem> getTokens() {
    if (list == null) {
      list = tokens.list(currentUser.caller());
    }
    return list;
  }

  public List<String> getScopeNames() {
    return Arrays.stream(ApiScope.values()).map(ApiScope::wireName).toList();
  }

  public void create() throws IOException {
    Set<ApiScope> chosen = EnumSet.noneOf(ApiScope.class);
    scopes.forEach(scope -> ApiScope.of(scope).ifPresent(chosen::add));
    try {
      IssuedToken issued = tokens.create(currentUser.caller(), name, username, chosen, days);
      ShownOnce.keep(issued.secret());
      Feedback.info(text.format("tokens.created"));
      Pages.redirect(PAGE);
    } catch (Refused refused) {
      Feedback.refused(refused);
    }
  }

  public void revoke(long id) throws IOException {
    Feedback.after(() -> tokens.revoke(currentUser.caller(), id), text.format("tokens.revoked"));
    Pages.redirect(PAGE);
  }

  /** The secret of the token just created, on the one page view after its creation. */
  public String getIssued() {
    return ShownOnce.take();
  }

  public String when(java.time.Instant at) {
    return at == null
        ? text.get("tokens.never")
        : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(text.locale())
            .withZone(ZoneId.systemDefault())
            .format(at);
  }

  public String state(TokenItem token) {
    if (token.revokedAt() != null) {
      return text.get("tokens.state.revoked");
    }
    return token.usable() ? text.get("tokens.state.active") : text.get("tokens.state.expired");
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public List<String> getScopes() {
    return scopes;
  }

  public void setScopes(List<String> scopes) {
    this.scopes = scopes == null ? new ArrayList<>() : scopes;
  }

  public int getDays() {
    return days;
  }

  public void setDays(int days) {
    this.days = days;
  }
}
