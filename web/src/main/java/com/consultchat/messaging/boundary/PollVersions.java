package com.consultchat.messaging.boundary;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Lets a poll that brings nothing new skip the database. Each conversation has a version token that
 * changes whenever a message or receipt of it is committed on this node. A poll that shows the
 * token of its last full answer, still current, is told "nothing new" from memory.
 *
 * <p>Why it is safe: the token is read before the database is, so a commit racing with a poll
 * leaves the client with an older token and its next poll goes to the database. Tokens only ever
 * grow within a conversation (one counter for all), an entry dropped for idleness comes back with a
 * new value, and a restart changes the random prefix; a stale token therefore never matches.
 * Commits reach every node through the notification path, so this holds per node.
 */
final class PollVersions {

  private static final long IDLE_NANOS = 10L * 60 * 1_000_000_000L;

  private record Entry(long version, long touchedNanos) {}

  private final String epoch;
  private final AtomicLong counter = new AtomicLong();
  private final ConcurrentHashMap<Long, Entry> entries = new ConcurrentHashMap<>();
  private final LongSupplier nanos;

  PollVersions(LongSupplier nanos) {
    this.nanos = nanos;
    byte[] random = new byte[8];
    new SecureRandom().nextBytes(random);
    this.epoch = HexFormat.of().formatHex(random);
  }

  /** The current token of the conversation; read it before reading the database. */
  String current(long conversation) {
    long now = nanos.getAsLong();
    Entry entry =
        entries.compute(
            conversation,
            (id, old) ->
                old == null
                    ? new Entry(counter.incrementAndGet(), now)
                    : new Entry(old.version(), now));
    return epoch + "." + entry.version();
  }

  /** Something of the conversation was committed: every token handed out so far is stale. */
  void changed(long conversation) {
    long now = nanos.getAsLong();
    entries.put(conversation, new Entry(counter.incrementAndGet(), now));
  }

  /** Forgets conversations nobody polled or wrote to for a while. */
  void sweep() {
    long now = nanos.getAsLong();
    entries.values().removeIf(entry -> now - entry.touchedNanos() > IDLE_NANOS);
  }
}
