package com.consultchat.safety.boundary;

import com.consultchat.account.boundary.Caller;
import com.consultchat.platform.boundary.Refused;
import com.consultchat.safety.control.PhraseBook;
import com.consultchat.safety.entity.EmergencyPhrase;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.List;

/**
 * The list of emergency phrases, which administrators keep. Every change takes effect for the next
 * message; a phrase removed by mistake can simply be added again.
 */
@Stateless
public class EmergencyPhrases {

  @Inject EntityManager em;
  @Inject PhraseBook book;
  @Inject Clock clock;

  public List<PhraseItem> all(Caller caller) {
    requireAdmin(caller);
    return em.createNamedQuery(EmergencyPhrase.ALL, EmergencyPhrase.class)
        .getResultStream()
        .map(p -> new PhraseItem(p.id(), p.language(), p.phrase()))
        .toList();
  }

  public PhraseItem add(Caller caller, String language, String phrase) {
    requireAdmin(caller);
    EmergencyPhrase added = new EmergencyPhrase(language, phrase, clock.instant());
    long same =
        em.createNamedQuery(EmergencyPhrase.SAME, Long.class)
            .setParameter("language", added.language())
            .setParameter("phrase", added.phrase())
            .getSingleResult();
    if (same > 0) {
      throw Refused.conflict("phrase.exists");
    }
    em.persist(added);
    em.flush();
    book.reload();
    return new PhraseItem(added.id(), added.language(), added.phrase());
  }

  public void remove(Caller caller, long phraseId) {
    requireAdmin(caller);
    EmergencyPhrase phrase = em.find(EmergencyPhrase.class, phraseId);
    if (phrase == null) {
      throw Refused.notFound("phrase.unknown");
    }
    em.remove(phrase);
    em.flush();
    book.reload();
  }

  /**
   * Whether the text contains an emergency phrase, for texts that are not messages: a request's
   * subject, a room post held for review. In memory; no query.
   */
  public boolean matches(String text) {
    return book.find(text).isPresent();
  }

  private static void requireAdmin(Caller caller) {
    if (!caller.isAdmin()) {
      throw Refused.forbidden("phrase.admins-only");
    }
  }
}
