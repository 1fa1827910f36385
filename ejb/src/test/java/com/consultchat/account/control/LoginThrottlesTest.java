package com.consultchat.account.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.consultchat.platform.boundary.Notification;
import com.consultchat.platform.boundary.Notifications;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoginThrottlesTest {

  private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");
  private static final Duration LOCKOUT = Duration.ofMinutes(15);

  private final LoginThrottles throttles = new LoginThrottles();
  private final LoginThrottles otherNode = new LoginThrottles();
  private final List<Notification> sent = new ArrayList<>();

  LoginThrottlesTest() {
    throttles.configure(5, 20, LOCKOUT);
    otherNode.configure(5, 20, LOCKOUT);
    throttles.notifications =
        new Notifications() {
          @Override
          public void toOtherNodes(Notification notification) {
            sent.add(notification);
            otherNode.deliver(notification);
          }
        };
  }

  @Test
  void whatOneNodeCountsTheOtherCountsToo() {
    for (int i = 0; i < 5; i++) {
      throttles.failed("anna", "10.0.0.1", T0);
    }

    assertThat(otherNode.check("anna", "10.0.0.2", T0.plusSeconds(5)))
        .isEqualTo(new Throttle.Verdict.Locked(T0.plus(LOCKOUT)));
    assertThat(otherNode.check("bert", "10.0.0.1", T0))
        .isEqualTo(new Throttle.Verdict.Wait(Duration.ofSeconds(1)));

    throttles.unlock("anna");
    assertThat(otherNode.check("anna", "10.0.0.2", T0.plusSeconds(5)))
        .isInstanceOf(Throttle.Verdict.Allowed.class);
    assertThat(sent).hasSize(6).last().isEqualTo(new LoginAttempted.Cleared("anna"));
  }

  @Test
  void aLoginWithNoFailuresBehindItTellsTheOtherNodesNothing() {
    throttles.succeeded("carl");
    assertThat(sent).isEmpty();

    throttles.failed("carl", "10.0.0.3", T0);
    throttles.succeeded("carl");

    assertThat(sent).hasSize(2).last().isEqualTo(new LoginAttempted.Cleared("carl"));
    assertThat(otherNode.check("carl", "10.0.0.4", T0))
        .isInstanceOf(Throttle.Verdict.Allowed.class);
  }

  @Test
  void anAccountIsLockedAfterItsFailuresWhicheverAddressTheyCameFrom() {
    for (int i = 0; i < 4; i++) {
      assertThat(throttles.failed("anna", "10.0.0." + i, T0).username()).isEmpty();
    }

    assertThat(throttles.failed("anna", "10.0.0.9", T0).username()).contains(T0.plus(LOCKOUT));
    assertThat(throttles.check("anna", "10.0.0.77", T0.plusSeconds(5)))
        .isEqualTo(new Throttle.Verdict.Locked(T0.plus(LOCKOUT)));
    assertThat(throttles.check("bert", "10.0.0.77", T0.plusSeconds(5)))
        .isInstanceOf(Throttle.Verdict.Allowed.class);
  }

  @Test
  void anAddressGuessingAcrossUsernamesIsDelayedThenLocked() {
    for (int i = 0; i < 4; i++) {
      throttles.failed("user" + i, "10.0.0.1", T0);
    }
    assertThat(throttles.check("someone", "10.0.0.1", T0))
        .isInstanceOf(Throttle.Verdict.Allowed.class);
    throttles.failed("user4", "10.0.0.1", T0);
    assertThat(throttles.check("someone", "10.0.0.1", T0))
        .isEqualTo(new Throttle.Verdict.Wait(Duration.ofSeconds(1)));
    for (int i = 5; i < 19; i++) {
      throttles.failed("user" + i, "10.0.0.1", T0);
    }

    assertThat(throttles.failed("user19", "10.0.0.1", T0).address()).contains(T0.plus(LOCKOUT));
    assertThat(throttles.check("someone", "10.0.0.1", T0))
        .isEqualTo(new Throttle.Verdict.Locked(T0.plus(LOCKOUT)));
    assertThat(throttles.check("someone", "10.0.0.2", T0))
        .isInstanceOf(Throttle.Verdict.Allowed.class);
  }

  @Test
  void aRightPasswordClearsTheUsernameButNotTheAddress() {
    for (int i = 0; i < 5; i++) {
      throttles.failed("user" + i, "10.0.0.1", T0);
    }
    for (int i = 0; i < 4; i++) {
      throttles.failed("anna", "10.0.0.2", T0);
    }

    throttles.succeeded("anna");
    throttles.succeeded("user4");

    assertThat(throttles.check("anna", "10.0.0.3", T0))
        .isInstanceOf(Throttle.Verdict.Allowed.class);
    assertThat(throttles.check("user4", "10.0.0.1", T0)).isInstanceOf(Throttle.Verdict.Wait.class);
  }

  @Test
  void theStricterVerdictWins() {
    Throttle.Verdict allowed = new Throttle.Verdict.Allowed();
    Throttle.Verdict shortWait = new Throttle.Verdict.Wait(Duration.ofSeconds(1));
    Throttle.Verdict longWait = new Throttle.Verdict.Wait(Duration.ofSeconds(8));
    Throttle.Verdict locked = new Throttle.Verdict.Locked(T0);
    Throttle.Verdict lockedLonger = new Throttle.Verdict.Locked(T0.plusSeconds(60));

    assertThat(LoginThrottles.stricter(allowed, shortWait)).isEqualTo(shortWait);
    assertThat(LoginThrottles.stricter(longWait, shortWait)).isEqualTo(longWait);
    assertThat(LoginThrottles.stricter(shortWait, longWait)).isEqualTo(longWait);
    assertThat(LoginThrottles.stricter(longWait, locked)).isEqualTo(locked);
    assertThat(LoginThrottles.stricter(locked, lockedLonger)).isEqualTo(lockedLonger);
    assertThat(LoginThrottles.stricter(allowed, allowed)).isEqualTo(allowed);
  }
}
