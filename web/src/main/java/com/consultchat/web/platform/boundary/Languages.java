package com.consultchat.web.platform.boundary;

import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The languages the pages speak, and the choice among them for a browser's wishes. */
public final class Languages {

  /** English first: it is the fallback for anything else a browser asks for. */
  public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

  private Languages() {}

  /** The supported language of a tag such as {@code de} or {@code de-AT}, if there is one. */
  public static Optional<Locale> of(String tag) {
    if (tag == null || tag.isBlank()) {
      return Optional.empty();
    }
    String language = Locale.forLanguageTag(tag.strip()).getLanguage();
    return SUPPORTED.stream().filter(locale -> locale.getLanguage().equals(language)).findFirst();
  }

  /** The first of the browser's languages, in its order of preference, that the pages speak. */
  public static Locale best(Enumeration<Locale> wished) {
    while (wished != null && wished.hasMoreElements()) {
      Optional<Locale> supported = of(wished.nextElement().toLanguageTag());
      if (supported.isPresent()) {
        return supported.get();
      }
    }
    return SUPPORTED.get(0);
  }

  /** A language's own name for itself, as the switch shows it ("Deutsch", not "German"). */
  public static String ownName(Locale locale) {
    String name = locale.getDisplayLanguage(locale);
    return name.isEmpty()
        ? locale.getLanguage()
        : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
  }
}
