package com.consultchat.web.account.boundary;

import com.consultchat.account.boundary.PasswordHint;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.web.platform.boundary.PageText;
import java.util.Locale;
import java.util.Optional;

/**
 * Why a password is easy to guess, in the page's words: the bundles' {@code password-hint.…} texts
 * for the strength estimator's keys ({@code feedback.…}), in the same voice as every other page.
 */
final class PasswordHints {

  private static final String ESTIMATOR_PREFIX = "feedback.";

  private PasswordHints() {}

  static Refused in(Refused refused, PageText text) {
    return PasswordHint.in(
        refused,
        text.locale(),
        key -> {
          String ours =
              "password-hint."
                  + (key.startsWith(ESTIMATOR_PREFIX)
                          ? key.substring(ESTIMATOR_PREFIX.length())
                          : key)
                      .toLowerCase(Locale.ROOT);
          return text.containsKey(ours) ? Optional.of(text.get(ours)) : Optional.empty();
        });
  }
}
