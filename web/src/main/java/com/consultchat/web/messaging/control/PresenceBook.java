package com.consultchat.web.messaging.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Who is here on this node: online (a socket or a recent poll with the page in use), away
 * (connected, but the page hidden or idle) or offline. Every method answers with the person's new
 * state when it changed, so the caller can tell those watching.
 */
final class PresenceBook {

  enum State {
    ONLINE,
    AWAY,
    OFFLINE;

    String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  record Change(long account, State state) {}

  private static final class Person {
    int sockets;
    int awaySockets;
    long polledAt;
    boolean polled;
    boolean pollAway;
    State state = State.OFFLINE;
  }

  private final LongSupplier nanos;
  private final long pollGraceNanos;
  private final Map<Long, Person> people = new HashMap<>();

  /** {@code pollGraceNanos}: how long after a poll a polling browser still counts as here. */
  PresenceBook(LongSupplier nanos, long pollGraceNanos) {
    this.nanos = nanos;
    this.pollGraceNanos = pollGraceNanos;
  }

  /** How many people are online or away: the "people online" of the admin's metrics. */
  synchronized int here() {
    return (int) people.values().stream().filter(p -> p.state != State.OFFLINE).count();
  }

  synchronized Optional<State> socketOpened(long account) {
    Person person = people.computeIfAbsent(account, id -> new Person());
    person.sockets++;
    return settle(account, person);
  }

  synchronized Optional<State> socketClosed(long account, boolean wasAway) {
    Person person = people.get(account);
    if (person == null) {
      return Optional.empty();
    }
    person.sockets = Math.max(0, person.sockets - 1);
    if (wasAway) {
      person.awaySockets = Math.max(0, person.awaySockets - 1);
    }
    return settle(account, person);
  }

  /** One socket of the person went idle ({@code away}) or came back. */
  synchronized Optional<State> socketAway(long account, boolean away) {
    Person person = people.get(account);
    if (person == null) {
      return Optional.empty();
    }
    person.awaySockets =
        Math.max(0, Math.min(person.sockets, person.awaySockets + (away ? 1 : -1)));
    return settle(account, person);
  }

  synchronized Optional<State> polled(long account, boolean away) {
    Person person = people.computeIfAbsent(account, id -> new Person());
    person.polled = true;
    person.polledAt = nanos.getAsLong();
    person.pollAway = away;
    return settle(account, person);
  }

  /** Polling browsers that stopped polling have left; returns who changed. */
  synchronized List<Change> sweep() {
    List<Change> changes = new ArrayList<>();
    for (Map.Entry<Long, Person> entry : List.copyOf(people.entrySet())) {
      settle(entry.getKey(), entry.getValue())
          .ifPresent(state -> changes.add(new Change(entry.getKey(), state)));
    }
    return changes;
  }

  synchronized State state(long account) {
    Person person = people.get(account);
    return person == null ? State.OFFLINE : person.state;
  }

  private Optional<State> settle(long account, Person person) {
    boolean pollFresh = person.polled && nanos.getAsLong() - person.polledAt < pollGraceNanos;
    if (person.polled && !pollFresh) {
      person.polled = false;
    }
    State now;
    if (person.sockets > person.awaySockets || (pollFresh && !person.pollAway)) {
      now = State.ONLINE;
    } else if (person.sockets > 0 || pollFresh) {
      now = State.AWAY;
    } else {
      now = State.OFFLINE;
    }
    if (now == State.OFFLINE && !person.polled && person.sockets == 0) {
      people.remove(account);
    }
    if (now == person.state) {
      return Optional.empty();
    }
    person.state = now;
    return Optional.of(now);
  }
}
