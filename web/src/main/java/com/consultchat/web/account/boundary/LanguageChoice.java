package com.consultchat.web.account.boundary;

import com.consultchat.account.boundary.Accounts;
import com.consultchat.platform.boundary.Settings;
import com.consultchat.web.platform.boundary.Languages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URI;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The language of a person's pages: the one they chose in the menu (kept with their account, so
 * every device follows it, and in a cookie for the pages before login), otherwise the first of
 * their browser's languages that the pages speak, otherwise English.
 */
@Named
@RequestScoped
public class LanguageChoice {

  /** The chosen tag, cached in the session; an empty text: none chosen, follow the browser. */
  public static final String SESSION_KEY = "consultchat.language";

  static final String COOKIE = "consultchat-language";

  /** Half a year: a browser that comes back keeps its language, one left alone forgets it. */
  private static final int COOKIE_SECONDS = 180 * 24 * 3600;

  /**
   * A language as the switch offers it. Pages call its accessors as methods ({@code tag()}): EL 5
   * does not see a record's components as properties.
   */
  public record Language(String tag, String name, boolean current) {}

  @Inject HttpServletRequest request;
  @Inject CurrentUser currentUser;
  @Inject Accounts accounts;
  @Inject Settings settings;

  private Locale locale;

  public Locale getLocale() {
    if (locale == null) {
      locale =
          chosen().flatMap(Languages::of).orElseGet(() -> Languages.best(request.getLocales()));
    }
    return locale;
  }

  public String getTag() {
    return getLocale().toLanguageTag();
  }

  public List<Language> getLanguages() {
    return Languages.SUPPORTED.stream()
        .map(l -> new Language(l.toLanguageTag(), Languages.ownName(l), l.equals(getLocale())))
        .toList();
  }

  /** The language of a session for what is not a page (socket frames); the browser's otherwise. */
  public static Locale of(HttpSession session, Enumeration<Locale> browser) {
    Object chosen = session == null ? null : session.getAttribute(SESSION_KEY);
    if (chosen instanceof String tag) {
      Optional<Locale> language = Languages.of(tag);
      if (language.isPresent()) {
        return language.get();
      }
    }
    return Languages.best(browser);
  }

  /** Switches the language and shows the same page again in it. */
  public void choose(String tag) throws IOException {
    Locale chosen = Languages.of(tag).orElse(null);
    ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
    if (chosen != null) {
      String canonical = chosen.toLanguageTag();
      currentUser.find().ifPresent(caller -> accounts.chooseLanguage(caller, canonical));
      HttpSession session = request.getSession(false);
      if (session != null && currentUser.isLoggedIn()) {
        session.setAttribute(SESSION_KEY, canonical);
      }
      Cookie cookie = new Cookie(COOKIE, canonical);
      cookie.setPath(
          external.getRequestContextPath().isEmpty() ? "/" : external.getRequestContextPath());
      cookie.setMaxAge(COOKIE_SECONDS);
      cookie.setHttpOnly(true);
      cookie.setSecure(settings.https());
      cookie.setAttribute("SameSite", "Lax");
      ((HttpServletResponse) external.getResponse()).addCookie(cookie);
    }
    external.redirect(samePage(external.getRequestContextPath()));
  }

  /** The page the switch was used on, from the same-origin referrer; the start page otherwise. */
  private String samePage(String contextPath) {
    String start = contextPath + "/index.xhtml";
    String referer = request.getHeader("Referer");
    if (referer == null) {
      return start;
    }
    try {
      URI uri = URI.create(referer);
      String path = uri.getRawPath();
      if (path == null
          || !path.startsWith(contextPath + "/")
          || path.contains("//")
          || !request.getServerName().equalsIgnoreCase(String.valueOf(uri.getHost()))) {
        return start;
      }
      return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    } catch (IllegalArgumentException e) {
      return start;
    }
  }

  /** The person's own choice: remembered with the account once logged in, else the cookie. */
  private Optional<String> chosen() {
    if (currentUser.isLoggedIn()) {
      HttpSession session = request.getSession(false);
      Object kept = session == null ? null : session.getAttribute(SESSION_KEY);
      if (kept instanceof String tag) {
        return tag.isEmpty() ? cookie() : Optional.of(tag);
      }
      Optional<String> stored = accounts.language(currentUser.caller());
      if (session != null) {
        session.setAttribute(SESSION_KEY, stored.orElse(""));
      }
      if (stored.isPresent()) {
        return stored;
      }
    }
    return cookie();
  }

  private Optional<String> cookie() {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    for (Cookie cookie : cookies) {
      if (COOKIE.equals(cookie.getName())) {
        return Optional.of(cookie.getValue());
      }
    }
    return Optional.empty();
  }
}
