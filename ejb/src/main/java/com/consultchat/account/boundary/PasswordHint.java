package com.consultchat.account.boundary;

import com.consultchat.platform.boundary.Refused;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;
import me.gosimple.nbvcxz.resources.Feedback;

/**
 * Why a password is easy to guess, as the strength estimator's keys ({@code feedback.…}): a refusal
 * carries them and each edge shows them in the person's language ({@link #in}), in its own words
 * where it has them, else in the estimator's; as it is, it reads in the estimator's English.
 */
public record PasswordHint(String warningKey, String suggestionKey) implements Serializable {

  private static final String BUNDLE = "feedback";

  public static PasswordHint of(Feedback feedback) {
    return new PasswordHint(
        feedback.getWarningKey(), feedback.getSuggestionKeys().stream().findFirst().orElse(null));
  }

  /**
   * The warning and the first suggestion, separated by a space (may be empty): in the words {@code
   * words} has for the estimator's keys, else in the estimator's own words for the language.
   */
  public String text(Locale locale, Function<String, Optional<String>> words) {
    List<String> parts = new ArrayList<>();
    for (String key : new String[] {warningKey, suggestionKey}) {
      if (key != null) {
        words.apply(key).or(() -> estimatorWords(locale, key)).ifPresent(parts::add);
      }
    }
    return String.join(" ", parts);
  }

  /** The estimator's own words for a language; see {@link #text(Locale, Function)}. */
  public String text(Locale locale) {
    return text(locale, key -> Optional.empty());
  }

  private static Optional<String> estimatorWords(Locale locale, String key) {
    ResourceBundle words;
    try {
      words =
          ResourceBundle.getBundle(
              BUNDLE,
              locale,
              Feedback.class.getClassLoader(),
              ResourceBundle.Control.getNoFallbackControl(
                  ResourceBundle.Control.FORMAT_PROPERTIES));
    } catch (MissingResourceException e) {
      return Optional.empty();
    }
    return words.containsKey(key) ? Optional.of(words.getString(key)) : Optional.empty();
  }

  /** A refusal whose password hints read in the language; other refusals stay as they are. */
  public static Refused in(Refused refused, Locale locale) {
    return in(refused, locale, key -> Optional.empty());
  }

  /** The same, in the words {@code words} has for the estimator's keys where it has them. */
  public static Refused in(
      Refused refused, Locale locale, Function<String, Optional<String>> words) {
    Object[] arguments = refused.arguments();
    boolean hinted = false;
    for (int i = 0; i < arguments.length; i++) {
      if (arguments[i] instanceof PasswordHint hint) {
        arguments[i] = hint.text(locale, words);
        hinted = true;
      }
    }
    return hinted ? new Refused(refused.reason(), refused.getMessage(), arguments) : refused;
  }

  @Override
  public String toString() {
    return text(Locale.ROOT);
  }
}
