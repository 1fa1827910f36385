package com.consultchat.web.messaging.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Lets a poll that brings nothing new skip the database. Each conversation has a version token that
 * changes whenever a message or receipt of it is committed on this node. A poll that shows the
 * token of its last full answer, still current, is told "nothing new" from memory.
 *
 * <p>Why it is safe: the token is read before the database is, so a commit racing with a poll
 * leaves the client with an older token and its next poll goes to the database. Tokens only ever
 * grow within a conversation (one counter for all), an entry dropped for idleness comes back with a
 * new value, and a restart changes the key; a stale token therefore never matches. Commits reach
 * every node through the notification path, so this holds per node.
 *
 * <p>The short answer skips the membership check too, so a token is only good for the person whose
 * full (checked) answer carried it: it is signed with a key of this process over conversation,
 * version and account. Nobody can make up the token of a conversation they do not belong to.
 */
@ApplicationScoped
public class PollVersions {

  private static final String MAC = "HmacSHA256";
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final long IDLE_NANOS = 10L * 60 * 1_000_000_000L;

  private record Entry(long version, long touchedNanos) {}

  private final SecretKeySpec key;
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);
  private final AtomicLong counter = new AtomicLong();
  private final ConcurrentHashMap<Long, Entry> entries = new ConcurrentHashMap<>();
  private final LongSupplier nanos;

  @Inject Sweepers sweepers;

  PollVersions() {
    this(System::nanoTime);
  }

  PollVersions(LongSupplier nanos) {
    this.nanos = nanos;
    byte[] random = new byte[32];
    RANDOM.nextBytes(random);
    this.key = new SecretKeySpec(random, MAC);
  }

  @PostConstruct
  void start() {
    sweepers.every(5_000, "poll version", this::sweep);
  }

  /** The current token of the conversation for this person; read it before the database. */
  public String current(long conversation, long account) {
    long now = nanos.getAsLong();
    Entry entry =
        entries.compute(
            conversation,
            (id, old) ->
                old == null
                    ? new Entry(counter.incrementAndGet(), now)
                    : new Entry(old.version(), now));
    return entry.version() + "." + signature(conversation, entry.version(), account);
  }

  private String signature(long conversation, long version, long account) {
    byte[] signed =
        macs.get()
            .doFinal(
                ByteBuffer.allocate(3 * Long.BYTES)
                    .putLong(conversation)
                    .putLong(version)
                    .putLong(account)
                    .array());
    // 128 bits are far beyond guessing within a poll's rate limit.
    return HexFormat.of().formatHex(signed, 0, 16);
  }

  /**
   * A MAC keyed for this process, one per thread: a MAC is not thread-safe, and making one per poll
   * went through the JCE's provider checks, which take a lock shared by every thread.
   */
  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(MAC);
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException impossible) {
      throw new IllegalStateException("Every Java runtime has " + MAC, impossible);
    }
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
