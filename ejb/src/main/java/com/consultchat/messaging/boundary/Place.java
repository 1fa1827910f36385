package com.consultchat.messaging.boundary;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a conversation lives for the people in it: the consultation or room that owns it ({@code
 * ownerId} is that consultation's or room's id) and what it is called there.
 */
public record Place(long conversationId, ConversationKind kind, long ownerId, String title) {

  /** The places of one kind by conversation id, from rows of (conversation id, owner id, title). */
  public static Map<Long, Place> byConversation(ConversationKind kind, List<Object[]> rows) {
    Map<Long, Place> places = new HashMap<>();
    for (Object[] row : rows) {
      long conversation = (Long) row[0];
      places.put(conversation, new Place(conversation, kind, (Long) row[1], (String) row[2]));
    }
    return places;
  }
}
