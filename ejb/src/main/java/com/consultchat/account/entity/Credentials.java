package com.consultchat.account.entity;

import com.consultchat.account.boundary.PasswordHint;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.platform.boundary.StorableText;
import java.util.Locale;
import java.util.regex.Pattern;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.scoring.Result;

/** The rules for usernames, display names and passwords, with messages a person can act on. */
public final class Credentials {

  public static final int PASSWORD_MIN_LENGTH = 12;
  public static final int PASSWORD_MAX_LENGTH = 128;

  /**
   * The lowest acceptable score of the estimator (0 to 4): 2 refuses common, leaked and patterned
   * passwords such as {@code Password123!} or {@code qwertyuiop123}, and takes a phrase of several
   * words.
   */
  static final int MIN_SCORE = 2;

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,39}");

  private Credentials() {}

  /** The canonical, lower-case username, or a refusal saying what is wrong with it. */
  public static String username(String raw) {
    String username = raw == null ? "" : StorableText.check(raw).strip().toLowerCase(Locale.ROOT);
    if (!USERNAME.matcher(username).matches()) {
      throw Refused.invalid("account.username-form");
    }
    return username;
  }

  public static String displayName(String raw) {
    String name = raw == null ? "" : StorableText.check(raw).strip().replaceAll("\\s+", " ");
    if (name.isEmpty() || name.length() > 80) {
      throw Refused.invalid("account.display-name-length");
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      throw Refused.invalid("account.display-name-control");
    }
    return name;
  }

  /** Length is what makes a password strong (ASVS 2.1); composition rules only annoy. */
  public static void checkPassword(String password, String username) {
    if (password == null || password.codePointCount(0, password.length()) < PASSWORD_MIN_LENGTH) {
      throw Refused.invalid("account.password-short", PASSWORD_MIN_LENGTH);
    }
    if (password.length() > PASSWORD_MAX_LENGTH) {
      throw Refused.invalid("account.password-long", PASSWORD_MAX_LENGTH);
    }
    if (password.chars().distinct().count() < 4) {
      throw Refused.invalid("account.password-variety");
    }
    if (username != null && password.toLowerCase(Locale.ROOT).contains(username)) {
      throw Refused.invalid("account.password-username");
    }
    Result estimate = Estimator.INSTANCE.estimate(password);
    if (estimate.getBasicScore() < MIN_SCORE) {
      throw Refused.invalid("account.password-guessable", PasswordHint.of(estimate.getFeedback()));
    }
  }

  /**
   * The estimator loads its dictionaries once (a few hundred milliseconds) and is safe to share. It
   * knows common and leaked passwords, keyboard walks, sequences, dates and words with digits.
   */
  private static final class Estimator {
    static final Nbvcxz INSTANCE = new Nbvcxz();
  }
}
