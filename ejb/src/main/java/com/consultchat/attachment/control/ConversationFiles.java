package com.consultchat.attachment.control;

import com.consultchat.messaging.boundary.ConversationDeleting;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The files of a deleted conversation go with it, in the same transaction; their chunks follow by
 * the database's cascade. An upload still arriving for it fails at its next chunk.
 */
@ApplicationScoped
public class ConversationFiles {

  @Inject EntityManager em;

  void deleting(@Observes ConversationDeleting deleting) {
    em.createNativeQuery("delete from attachment where conversation_id = ?1")
        .setParameter(1, deleting.conversation())
        .executeUpdate();
  }
}
