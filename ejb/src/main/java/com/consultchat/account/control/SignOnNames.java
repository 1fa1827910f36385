package com.consultchat.account.control;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/** A username and a display name of ours for someone who arrives from the site's provider. */
public final class SignOnNames {

  private static final int MAX_USERNAME = 40;
  private static final int MAX_NAME = 80;

  private SignOnNames() {}

  /**
   * The first free username made from the provider's suggestions (its username, else the local part
   * of the e-mail address), reduced to the letters our usernames allow and numbered when taken.
   */
  public static String username(String preferred, String email, Predicate<String> taken) {
    String base =
        Optional.ofNullable(clean(preferred))
            .or(() -> Optional.ofNullable(clean(localPart(email))))
            .orElse("member");
    if (!taken.test(base)) {
      return base;
    }
    for (int number = 2; number < 10_000; number++) {
      String suffix = "-" + number;
      String candidate =
          base.substring(0, Math.min(base.length(), MAX_USERNAME - suffix.length())) + suffix;
      if (!taken.test(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("No free username left for this name");
  }

  /** The provider's name for the person, else their username; cut to our limit. */
  public static String displayName(String name, String username) {
    String chosen = name == null || name.isBlank() ? username : name.strip();
    chosen = chosen.replaceAll("\\p{Cntrl}", "").replaceAll("\\s+", " ");
    return chosen.length() <= MAX_NAME ? chosen : chosen.substring(0, MAX_NAME).strip();
  }

  private static String localPart(String email) {
    if (email == null) {
      return null;
    }
    int at = email.indexOf('@');
    return at < 0 ? email : email.substring(0, at);
  }

  /** Accents dropped, then anything but letters, digits, dot, dash and underscore. */
  static String clean(String raw) {
    if (raw == null) {
      return null;
    }
    String plain =
        Normalizer.normalize(raw.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .replaceAll("[^a-z0-9._-]+", "-")
            .replaceAll("-{2,}", "-")
            .replaceAll("^[._-]+", "")
            .replaceAll("[._-]+$", "");
    if (plain.length() > MAX_USERNAME) {
      plain = plain.substring(0, MAX_USERNAME).replaceAll("[._-]+$", "");
    }
    return plain.length() >= 3 ? plain : null;
  }
}
