package com.consultchat.account.control;

import com.consultchat.platform.boundary.Notification;
import com.consultchat.platform.boundary.NotificationSink;
import com.consultchat.platform.boundary.Notifications;
import com.consultchat.platform.boundary.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The two throttles of the login: one per username, whether or not an account has it (so a lockout
 * says nothing about who has an account), and one per client address, with more room, against one
 * machine guessing across many usernames. Kept in memory on every node: what one node counts it
 * also sends to the others, which count it too, so attempts spread over a cluster's nodes meet the
 * same limits. A node that joins later starts with what it hears from then on.
 */
@ApplicationScoped
public class LoginThrottles implements NotificationSink {

  private static final Duration FIRST_DELAY = Duration.ofSeconds(1);
  private static final Duration MAX_DELAY = Duration.ofMinutes(1);
  private static final int FREE_ACCOUNT_FAILURES = 3;

  @Inject Settings settings;
  @Inject Notifications notifications;

  private Throttle usernames;
  private Throttle addresses;

  @PostConstruct
  void configure() {
    configure(
        settings.loginLockoutFailures(),
        settings.loginAddressLockoutFailures(),
        Duration.ofMinutes(settings.loginLockoutMinutes()));
    notifications.register(this);
  }

  @PreDestroy
  void stop() {
    notifications.unregister(this);
  }

  /** An address gets a fifth of its lockout count free; a username gets three. */
  void configure(int accountLockout, int addressLockout, Duration lockout) {
    usernames =
        new Throttle(
            new Throttle.Policy(
                Math.min(FREE_ACCOUNT_FAILURES, accountLockout - 1),
                FIRST_DELAY,
                MAX_DELAY,
                accountLockout,
                lockout));
    addresses =
        new Throttle(
            new Throttle.Policy(
                Math.max(1, addressLockout / 5), FIRST_DELAY, MAX_DELAY, addressLockout, lockout));
  }

  /** The stricter verdict of the two: a lockout before a wait, the longer wait of two. */
  public Throttle.Verdict check(String username, String address, Instant now) {
    return stricter(usernames.check(username, now), addresses.check(address, now));
  }

  /** Counts a failure for both, here and on the other nodes; returns the lockouts it started. */
  public Lockouts failed(String username, String address, Instant now) {
    Lockouts started =
        new Lockouts(usernames.failed(username, now), addresses.failed(address, now));
    notifications.toOtherNodes(new LoginAttempted.Failed(username, address, now));
    return started;
  }

  /**
   * A right password clears the username only: an address that guesses keeps its count. The other
   * nodes hear of it only when there was something to clear, not at every login.
   */
  public void succeeded(String username) {
    if (usernames.clear(username)) {
      notifications.toOtherNodes(new LoginAttempted.Cleared(username));
    }
  }

  /** An administrator's unlock reaches every node, also one that joined after the failures. */
  public void unlock(String username) {
    usernames.clear(username);
    notifications.toOtherNodes(new LoginAttempted.Cleared(username));
  }

  /** What another node counted. */
  @Override
  public void deliver(Notification notification) {
    if (notification instanceof LoginAttempted.Failed failed) {
      usernames.failed(failed.username(), failed.at());
      addresses.failed(failed.address(), failed.at());
    } else if (notification instanceof LoginAttempted.Cleared cleared) {
      usernames.clear(cleared.username());
    }
  }

  public Optional<Instant> lockedUntil(String username, Instant now) {
    return usernames.lockedUntil(username, now);
  }

  /** The usernames locked at {@code now}, for the administrator's filter. */
  public Set<String> lockedUsernames(Instant now) {
    return usernames.locked(now);
  }

  /** The end of the lockouts a failure started, for the username and for the address. */
  public record Lockouts(Optional<Instant> username, Optional<Instant> address) {}

  static Throttle.Verdict stricter(Throttle.Verdict a, Throttle.Verdict b) {
    if (a instanceof Throttle.Verdict.Locked locked) {
      return b instanceof Throttle.Verdict.Locked other && other.until().isAfter(locked.until())
          ? other
          : locked;
    }
    if (b instanceof Throttle.Verdict.Locked) {
      return b;
    }
    if (a instanceof Throttle.Verdict.Wait wait) {
      return b instanceof Throttle.Verdict.Wait other
              && other.retryAfter().compareTo(wait.retryAfter()) > 0
          ? other
          : wait;
    }
    return b;
  }
}
