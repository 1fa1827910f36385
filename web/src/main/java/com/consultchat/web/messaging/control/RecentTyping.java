package com.consultchat.web.messaging.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Who typed lately, per conversation, for browsers that poll: a socket is told at once, a poll is
 * told who is still typing when it asks. Entries expire by themselves, like the indicator.
 */
@ApplicationScoped
public class RecentTyping {

  private record Entry(String name, long untilNanos) {}

  private final Map<Long, Map<Long, Entry>> byConversation = new ConcurrentHashMap<>();
  private final LongSupplier nanos;

  @Inject Sweepers sweepers;

  RecentTyping() {
    this(System::nanoTime);
  }

  RecentTyping(LongSupplier nanos) {
    this.nanos = nanos;
  }

  @PostConstruct
  void start() {
    sweepers.every(5_000, "typing", this::sweep);
  }

  void typed(long conversation, long account, String name) {
    long until = nanos.getAsLong() + TimeUnit.MILLISECONDS.toNanos(ServerFrame.TYPING_SHOWN_MILLIS);
    byConversation
        .computeIfAbsent(conversation, id -> new ConcurrentHashMap<>())
        .put(account, new Entry(name, until));
  }

  /** Whoever but {@code viewer} is typing in the conversation now. */
  public List<ServerFrame.Typing> now(long conversation, long viewer) {
    Map<Long, Entry> typing = byConversation.get(conversation);
    if (typing == null) {
      return List.of();
    }
    long now = nanos.getAsLong();
    typing.values().removeIf(entry -> entry.untilNanos() - now <= 0);
    if (typing.isEmpty()) {
      byConversation.remove(conversation, typing);
    }
    return typing.entrySet().stream()
        .filter(entry -> entry.getKey() != viewer)
        .map(entry -> new ServerFrame.Typing(conversation, entry.getKey(), entry.getValue().name()))
        .toList();
  }

  /** Drops what has expired everywhere, so conversations nobody polls do not keep entries. */
  void sweep() {
    long now = nanos.getAsLong();
    byConversation.forEach(
        (conversation, typing) -> {
          typing.values().removeIf(entry -> entry.untilNanos() - now <= 0);
          if (typing.isEmpty()) {
            byConversation.remove(conversation, typing);
          }
        });
  }
}
