package com.consultchat.room.control;

import com.consultchat.messaging.boundary.ConversationKind;
import com.consultchat.messaging.boundary.ConversationPlaces;
import com.consultchat.messaging.boundary.Place;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.Map;

/** A room's conversation is found under the room, named by the room's name. */
@Dependent
public class RoomPlaces implements ConversationPlaces {

  @Inject EntityManager em;

  @Override
  public ConversationKind kind() {
    return ConversationKind.ROOM;
  }

  @Override
  public Map<Long, Place> places(Collection<Long> conversationIds) {
    return Place.byConversation(
        ConversationKind.ROOM,
        em.createQuery(
                "select g.conversationId, g.id, g.name from Room g where g.conversationId in :ids",
                Object[].class)
            .setParameter("ids", conversationIds)
            .getResultList());
  }
}
