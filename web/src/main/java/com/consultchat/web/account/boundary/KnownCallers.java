package com.consultchat.web.account.boundary;

import com.consultchat.account.boundary.Accounts;
import com.consultchat.account.boundary.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The people this node resolved within the last minute, by username. A login leaves its person
 * here, so the page requests, polls and socket handshakes that follow it find them without a query
 * (a handshake used to spend a sixth of its time looking the account up). A minute, as each session
 * kept it before: a changed name shows within it. Access is not decided here: a disabled account's
 * logins end and its sockets are refused by its standing, whatever this remembers.
 */
@ApplicationScoped
public class KnownCallers {

  static final long KEEP_NANOS = TimeUnit.MINUTES.toNanos(1);

  /** Entries older than a minute are dropped every this many remembered. */
  static final int SWEEP_EVERY = 1024;

  private record Known(Caller caller, long at) {}

  private final ConcurrentHashMap<String, Known> known = new ConcurrentHashMap<>();
  private final AtomicInteger untilSweep = new AtomicInteger(SWEEP_EVERY);

  @Inject Accounts accounts;

  private Function<String, Optional<Caller>> lookup;
  private LongSupplier clock = System::nanoTime;

  KnownCallers() {}

  KnownCallers(Function<String, Optional<Caller>> lookup, LongSupplier clock) {
    this.lookup = lookup;
    this.clock = clock;
  }

  @PostConstruct
  void lookUpInAccounts() {
    lookup = accounts::caller;
  }

  /** The person of a username, from the last minute or looked up now. */
  public Optional<Caller> byUsername(String username) {
    long now = clock.getAsLong();
    Known kept = known.get(username);
    if (kept != null && now - kept.at() < KEEP_NANOS) {
      return Optional.of(kept.caller());
    }
    Optional<Caller> found = lookup.apply(username);
    if (found.isPresent()) {
      remember(found.get(), now);
    } else {
      known.remove(username);
    }
    return found;
  }

  /** The person just resolved elsewhere (a login), for the requests that follow. */
  public void remember(Caller caller) {
    remember(caller, clock.getAsLong());
  }

  private void remember(Caller caller, long now) {
    known.put(caller.username(), new Known(caller, now));
    if (untilSweep.decrementAndGet() <= 0) {
      untilSweep.set(SWEEP_EVERY);
      known.values().removeIf(entry -> now - entry.at() >= KEEP_NANOS);
    }
  }

  /** How many are remembered now, expired ones included until the next sweep. */
  int size() {
    return known.size();
  }
}
