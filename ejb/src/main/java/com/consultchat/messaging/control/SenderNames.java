package com.consultchat.messaging.control;

import com.consultchat.messaging.entity.Message;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/**
 * How each sender is called in a conversation: what the owning feature says (a room's pseudonyms),
 * else the account's display name. Resolved once per conversation and request, not per message.
 */
@Dependent
public class SenderNames {

  @Inject @Any Instance<ConversationPolicy> policies;

  public Map<Long, String> of(long conversationId) {
    Map<Long, String> names = new HashMap<>();
    policies.forEach(policy -> names.putAll(policy.senderNames(conversationId)));
    return names;
  }

  public static String name(Map<Long, String> names, Message message) {
    return names.getOrDefault(message.sender().id(), message.sender().displayName());
  }
}
