package com.consultchat.messaging.control;

import com.consultchat.messaging.boundary.ConversationKind;
import com.consultchat.messaging.boundary.ConversationPolicy;
import com.consultchat.messaging.entity.Conversation;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which feature's rules govern a conversation. A conversation's kind never changes, so it is looked
 * up once and remembered: the message path of a consultation, which no policy governs, then asks
 * nothing of the database about rooms.
 */
@ApplicationScoped
public class Policies {

  /** Plenty for the conversations active at once; past it the memory starts again. */
  private static final int REMEMBERED_KINDS = 100_000;

  @Inject EntityManager em;
  @Inject @Any Instance<ConversationPolicy> all;

  private final Map<ConversationKind, ConversationPolicy> byKind =
      new EnumMap<>(ConversationKind.class);
  private final Map<Long, ConversationKind> kinds = new ConcurrentHashMap<>();

  @PostConstruct
  void collect() {
    for (ConversationPolicy policy : all) {
      byKind.put(policy.kind(), policy);
    }
  }

  /** The policy of the conversation's kind; empty for plain rules or an unknown conversation. */
  public Optional<ConversationPolicy> of(long conversationId) {
    return kind(conversationId).map(byKind::get);
  }

  /** The conversation's kind; empty for an unknown conversation. */
  public Optional<ConversationKind> kind(long conversationId) {
    ConversationKind known = kinds.get(conversationId);
    if (known != null) {
      return Optional.of(known);
    }
    Conversation conversation = em.find(Conversation.class, conversationId);
    if (conversation == null) {
      return Optional.empty();
    }
    if (kinds.size() >= REMEMBERED_KINDS) {
      kinds.clear();
    }
    kinds.put(conversationId, conversation.kind());
    return Optional.of(conversation.kind());
  }
}
