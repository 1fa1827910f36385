package com.consultchat.account.entity;

import com.consultchat.platform.boundary.Refused;
import com.consultchat.platform.boundary.StorableText;
import java.util.Locale;
import java.util.regex.Pattern;

/** The rules for usernames, display names and passwords, with messages a person can act on. */
public final class Credentials {

  public static final int PASSWORD_MIN_LENGTH = 12;
  public static final int PASSWORD_MAX_LENGTH = 128;

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,39}");

  private Credentials() {}

  /** The canonical, lower-case username, or a refusal saying what is wrong with it. */
  public static String username(String raw) {
    String username = raw == null ? "" : StorableText.check(raw).strip().toLowerCase(Locale.ROOT);
    if (!USERNAME.matcher(username).matches()) {
      throw Refused.invalid(
          "A username has 3 to 40 characters: letters, digits, dots, dashes or underscores,"
              + " starting with a letter or digit.");
    }
    return username;
  }

  public static String displayName(String raw) {
    String name = raw == null ? "" : StorableText.check(raw).strip().replaceAll("\\s+", " ");
    if (name.isEmpty() || name.length() > 80) {
      throw Refused.invalid("A display name has 1 to 80 characters.");
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      throw Refused.invalid("A display name cannot contain control characters.");
    }
    return name;
  }

  /** Length is what makes a password strong (ASVS 2.1); composition rules only annoy. */
  public static void checkPassword(String password, String username) {
    if (password == null || password.codePointCount(0, password.length()) < PASSWORD_MIN_LENGTH) {
      throw Refused.invalid(
          "The password is too weak: use at least " + PASSWORD_MIN_LENGTH + " characters.");
    }
    if (password.length() > PASSWORD_MAX_LENGTH) {
      throw Refused.invalid(
          "The password is too long: use at most " + PASSWORD_MAX_LENGTH + " characters.");
    }
    if (password.chars().distinct().count() < 4) {
      throw Refused.invalid("The password is too weak: use more different characters.");
    }
    if (username != null && password.toLowerCase(Locale.ROOT).contains(username)) {
      throw Refused.invalid("The password is too weak: it must not contain the username.");
    }
  }
}
