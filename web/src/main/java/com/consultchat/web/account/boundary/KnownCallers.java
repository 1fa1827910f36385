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
 * The people this node resolved within the last half hour, by username. A login leaves its person
 * here, so the page requests, polls and socket handshakes that follow it find them without a query
 * (a handshake used to spend a sixth of its time looking the account up). What a caller holds
 * (name, role) changes only with a role change or an erasure, and both end the person's logins:
 * {@link #forget} drops them then, on every node, as soon as the node hears of it (at most a
 * sweep's few seconds). Access is not decided here: a disabled account's logins end and its
 * requests and sockets are refused by its standing, whatever this remembers.
 */
@ApplicationScoped
public class KnownCallers {

  // Long enough that an active person is looked up a few times a day; short enough that the people
  // who left do not pile up.
  static final long KEEP_NANOS = TimeUnit.MINUTES.toNanos(30);

  /** Entries older than {@link #KEEP_NANOS} are dropped every this many remembered. */
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

  /** The person of a username, from the last half hour or looked up now. */
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

  /**
   * The person's logins ended (role changed, disabled, erased): what is kept of them may be old.
   */
  public void forget(long accountId) {
    known.values().removeIf(entry -> entry.caller().id() == accountId);
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
