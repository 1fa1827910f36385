package com.consultchat.web.account.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import com.consultchat.account.boundary.Caller;
import com.consultchat.account.boundary.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class KnownCallersTest {

  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
  private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

  private final Map<String, Caller> accounts = new HashMap<>();
  private final List<String> lookedUp = new ArrayList<>();
  private long now = 1_000 * SECOND;
  private final KnownCallers known =
      new KnownCallers(
          username -> {
            lookedUp.add(username);
            return Optional.ofNullable(accounts.get(username));
          },
          () -> now);

  @Test
  void aLoginsPersonIsFoundWithoutALookupForHalfAnHour() {
    Caller anna = new Caller(1, "anna", "Anna", Role.PATIENT);
    known.remember(anna);

    now += 30 * MINUTE - 1;
    assertThat(known.byUsername("anna")).contains(anna);
    assertThat(lookedUp).isEmpty();

    accounts.put("anna", new Caller(1, "anna", "Anna Berg", Role.PATIENT));
    now += 1;
    assertThat(known.byUsername("anna")).map(Caller::displayName).contains("Anna Berg");
    assertThat(lookedUp).containsExactly("anna");
  }

  @Test
  void aPersonWhoseLoginsEndedIsLookedUpAgainAtOnce() {
    known.remember(new Caller(1, "anna", "Anna", Role.PATIENT));
    known.remember(new Caller(2, "ben", "Dr Ben", Role.PATIENT));
    accounts.put("ben", new Caller(2, "ben", "Dr Ben", Role.STAFF));

    known.forget(2);

    assertThat(known.byUsername("ben")).map(Caller::role).contains(Role.STAFF);
    assertThat(known.byUsername("anna")).isPresent();
    assertThat(lookedUp).containsExactly("ben");
  }

  @Test
  void aLookupIsRememberedAndAnUnknownNameIsNot() {
    accounts.put("ben", new Caller(2, "ben", "Dr Ben", Role.STAFF));

    assertThat(known.byUsername("ben")).isPresent();
    assertThat(known.byUsername("ben")).isPresent();
    assertThat(known.byUsername("nobody")).isEmpty();
    assertThat(known.byUsername("nobody")).isEmpty();

    assertThat(lookedUp).containsExactly("ben", "nobody", "nobody");
  }

  @Test
  void peopleNotSeenForHalfAnHourAreForgottenSoTheMapStaysSmall() {
    for (int i = 0; i < KnownCallers.SWEEP_EVERY - 1; i++) {
      known.remember(new Caller(i, "old" + i, "Old", Role.PATIENT));
    }
    now += 30 * MINUTE;
    known.remember(new Caller(9_999, "new", "New", Role.PATIENT));

    assertThat(known.size()).isEqualTo(1);
  }
}
