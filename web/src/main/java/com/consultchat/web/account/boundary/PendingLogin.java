package com.consultchat.web.account.boundary;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A login half done: the password was right and the account's second factor is asked for next. Kept
 * in the (not yet authenticated) session for a few minutes; the account id never comes from the
 * form.
 */
record PendingLogin(long accountId, Instant expires) implements Serializable {

  static final String PAGE = "/login-code.xhtml";
  private static final String KEY = "consultchat.pendingLogin";

  /** Time to fetch the phone and type the code. */
  private static final Duration VALID = Duration.ofMinutes(5);

  static void begin(HttpSession session, long accountId) {
    session.setAttribute(KEY, new PendingLogin(accountId, Instant.now().plus(VALID)));
  }

  /** The pending login of this session, unless there is none or it has expired. */
  static Optional<PendingLogin> of(HttpSession session) {
    if (session == null || !(session.getAttribute(KEY) instanceof PendingLogin pending)) {
      return Optional.empty();
    }
    if (Instant.now().isAfter(pending.expires())) {
      session.removeAttribute(KEY);
      return Optional.empty();
    }
    return Optional.of(pending);
  }

  static void end(HttpSession session) {
    session.removeAttribute(KEY);
  }
}
