package com.consultchat.consultation.control;

import com.consultchat.messaging.boundary.ConversationKind;
import com.consultchat.messaging.boundary.ConversationPlaces;
import com.consultchat.messaging.boundary.Place;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.Map;

/** A consultation's conversation is found under the consultation, named by its subject. */
@Dependent
public class ConsultationPlaces implements ConversationPlaces {

  @Inject EntityManager em;

  @Override
  public ConversationKind kind() {
    return ConversationKind.CONSULTATION;
  }

  @Override
  public Map<Long, Place> places(Collection<Long> conversationIds) {
    return Place.byConversation(
        ConversationKind.CONSULTATION,
        em.createQuery(
                "select c.conversationId, c.id, c.subject from Consultation c"
                    + " where c.conversationId in :ids",
                Object[].class)
            .setParameter("ids", conversationIds)
            .getResultList());
  }
}
