package com.consultchat.consultation.boundary;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Which specialist a patient's message was written to. Hand-overs record who gave the consultation
 * away and when, so whoever handed it on first after the message held it then; after the last
 * hand-over, the one who holds it now. A message written while it waited in a queue goes to whoever
 * took it next, who is the one that read it.
 */
final class HeldBy {

  /** {@code from} handed the consultation on at {@code at}. */
  record Change(Instant at, long from) {}

  private final List<Change> changes;
  private final Long current;

  HeldBy(List<Change> changes, Long current) {
    this.changes = changes.stream().sorted(Comparator.comparing(Change::at)).toList();
    this.current = current;
  }

  /** The specialist who held (or next took) the consultation at that moment; null if none did. */
  Long at(Instant moment) {
    return changes.stream()
        .filter(change -> change.at().isAfter(moment))
        .findFirst()
        .map(Change::from)
        .orElse(current);
  }
}
