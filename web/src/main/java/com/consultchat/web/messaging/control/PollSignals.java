package com.consultchat.web.messaging.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Frames another feature pushed to a person about one conversation (the emergency notice), kept a
 * short while for browsers that poll: a socket is told at once, a poll of that conversation is told
 * at its next answer, once. Nothing is kept longer than a poll that is still running would take.
 */
@ApplicationScoped
public class PollSignals {

  static final long KEPT_MILLIS = TimeUnit.MINUTES.toMillis(2);

  private record Key(long conversation, long account) {}

  private record Entry(String json, long untilNanos) {}

  private final Map<Key, Queue<Entry>> waiting = new ConcurrentHashMap<>();
  private final LongSupplier nanos;

  @Inject Sweepers sweepers;

  PollSignals() {
    this(System::nanoTime);
  }

  PollSignals(LongSupplier nanos) {
    this.nanos = nanos;
  }

  @PostConstruct
  void start() {
    sweepers.every(30_000, "poll signals", this::sweep);
  }

  /** Keeps an encoded frame for the person's next poll of the conversation. */
  public void leave(long conversation, long account, String json) {
    long until = nanos.getAsLong() + TimeUnit.MILLISECONDS.toNanos(KEPT_MILLIS);
    waiting
        .computeIfAbsent(new Key(conversation, account), key -> new ConcurrentLinkedQueue<>())
        .add(new Entry(json, until));
  }

  /** The encoded frames still waiting for this person's poll of the conversation, handed once. */
  public List<String> take(long conversation, long account) {
    Queue<Entry> queue = waiting.remove(new Key(conversation, account));
    if (queue == null) {
      return List.of();
    }
    long now = nanos.getAsLong();
    List<String> frames = new ArrayList<>();
    for (Entry entry : queue) {
      if (entry.untilNanos() - now > 0) {
        frames.add(entry.json());
      }
    }
    return frames;
  }

  /** Drops what nobody polled for in time. */
  void sweep() {
    long now = nanos.getAsLong();
    waiting.forEach(
        (key, queue) -> {
          queue.removeIf(entry -> entry.untilNanos() - now <= 0);
          if (queue.isEmpty()) {
            waiting.remove(key, queue);
          }
        });
  }
}
