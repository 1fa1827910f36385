package com.consultchat.web.attachment.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Uploads in progress, per person and on this node. An upload holds a request thread while the
 * bytes arrive, so one person sending twenty files at once, or many people at once, must not take
 * the threads pages need: beyond the bounds an upload is refused at once and tried again later.
 */
@ApplicationScoped
public class UploadSlots {

  /** A person's uploads at once; a page sends its files one after another anyway. */
  public static final int PER_PERSON = 2;

  /** Uploads at once on this node: half of its sixteen request threads. */
  public static final int PER_NODE = 8;

  public static final int RETRY_AFTER_SECONDS = 5;

  private final ConcurrentMap<Long, AtomicInteger> perPerson = new ConcurrentHashMap<>();
  private final AtomicInteger onNode = new AtomicInteger();

  /** A slot while the upload runs; close it when done. */
  public interface Slot extends AutoCloseable {
    @Override
    void close();
  }

  public Optional<Slot> take(long person) {
    if (onNode.incrementAndGet() > PER_NODE) {
      onNode.decrementAndGet();
      return Optional.empty();
    }
    AtomicInteger mine = perPerson.computeIfAbsent(person, key -> new AtomicInteger());
    if (mine.incrementAndGet() > PER_PERSON) {
      release(person, mine);
      return Optional.empty();
    }
    return Optional.of(() -> release(person, mine));
  }

  private void release(long person, AtomicInteger mine) {
    onNode.decrementAndGet();
    if (mine.decrementAndGet() <= 0) {
      perPerson.remove(person, mine);
    }
  }
}
