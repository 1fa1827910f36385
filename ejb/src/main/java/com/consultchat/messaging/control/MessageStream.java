package com.consultchat.messaging.control;

import com.consultchat.messaging.boundary.Alias;
import com.consultchat.messaging.boundary.ChatMessage;
import com.consultchat.messaging.boundary.MessagePosted;
import com.consultchat.messaging.entity.Message;
import com.consultchat.messaging.entity.Sender;
import com.consultchat.platform.boundary.Notification;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one way an entry gets into a conversation's stream — a post, an edit, a deletion, a released
 * held post, a moderator's removal, a group of posts stored together: its numbers are claimed, it
 * is stored under them and it is announced, after commit, to the members the claim saw. Whoever
 * calls has checked who may write.
 */
@Dependent
public class MessageStream {

  @Inject EntityManager em;
  @Inject MessageLog log;
  @Inject Aliases aliases;
  @Inject Clock clock;
  @Inject Event<Notification> notifications;

  @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
  TransactionSynchronizationRegistry transaction;

  /** The entries to store under the claimed numbers, decided once the conversation is locked. */
  @FunctionalInterface
  public interface Entries {

    /**
     * The entries, numbered from {@code slot.seq()} on, one for each number claimed; none if
     * nothing is to be stored after all. May throw {@code Refused}.
     */
    List<Message> write(MessageLog.Slot slot, Sender sender, Instant now);
  }

  /**
   * Claims {@code count} numbers of the conversation (which locks it), stores what {@code entries}
   * writes under them and announces each entry, from the sender as the conversation names them. If
   * nothing is written, the transaction is marked for rollback so the claimed numbers are not kept,
   * and the answer is empty.
   */
  public List<ChatMessage> append(
      long conversationId, int count, long senderId, String senderName, Entries entries) {
    MessageLog.Slot slot = log.claim(conversationId, count);
    Instant now = clock.instant();
    List<Message> written = entries.write(slot, em.getReference(Sender.class, senderId), now);
    if (written.isEmpty()) {
      transaction.setRollbackOnly();
      return List.of();
    }
    if (written.size() != count) {
      // Numbers claimed and not used would be a gap in the stream.
      throw new IllegalStateException("Claimed " + count + " numbers for " + written.size());
    }
    // Named from what the caller knows rather than the sender proxy, which would cost a select.
    Alias sender = aliases.of(conversationId, senderId, senderName);
    List<ChatMessage> published = new ArrayList<>(written.size());
    for (Message message : written) {
      published.add(publish(message, sender, slot.members()));
    }
    return published;
  }

  /**
   * Locks these conversations, in the order of their ids, for a group of entries to several of them
   * (group commit); numbers are handed out as entries are added and claimed together by {@link
   * Group#claim}, so a group refuses some of its entries without leaving a gap.
   */
  public Group lock(Collection<Long> conversationIds) {
    return new Group(log.lock(new java.util.TreeSet<>(conversationIds)));
  }

  /** Conversations locked by one transaction, and the numbers its entries took so far. */
  public final class Group {

    private final Map<Long, MessageLog.Locked> locked;
    private final Map<Long, Integer> taken = new LinkedHashMap<>();

    private Group(Map<Long, MessageLog.Locked> locked) {
      this.locked = locked;
    }

    /** The conversation as its lock found it; empty if there is no such conversation. */
    public Optional<MessageLog.Locked> conversation(long conversationId) {
      return Optional.ofNullable(locked.get(conversationId));
    }

    /** Stores the entry under the conversation's next number and announces it after commit. */
    public ChatMessage append(long conversationId, Alias sender, Numbered entry) {
      MessageLog.Locked conversation = locked.get(conversationId);
      int before = taken.getOrDefault(conversationId, 0);
      Message message = entry.at(conversation.lastSeq() + before + 1);
      taken.put(conversationId, before + 1);
      return publish(message, sender, conversation.members());
    }

    /** Claims the numbers the entries took; before commit, once every entry is added. */
    public void claim() {
      log.advance(taken);
    }
  }

  /** An entry made once its number is known. */
  @FunctionalInterface
  public interface Numbered {
    Message at(long seq);
  }

  private ChatMessage publish(Message message, Alias sender, Set<Long> members) {
    em.persist(message);
    ChatMessage posted = ChatMessage.of(message, sender);
    notifications.fire(new MessagePosted(posted, members));
    return posted;
  }
}
