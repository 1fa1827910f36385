package com.consultchat.messaging.boundary;

import java.util.Collection;
import java.util.Map;

/**
 * Names the conversations a feature owns, so that messaging can say where a found message lives
 * without knowing consultations or rooms. Implemented by each owning feature, like {@link
 * ConversationPolicy}.
 */
public interface ConversationPlaces {

  /** The kind of conversation this feature owns. */
  ConversationKind kind();

  /** The places of those of these conversations that are this feature's, by conversation id. */
  Map<Long, Place> places(Collection<Long> conversationIds);
}
