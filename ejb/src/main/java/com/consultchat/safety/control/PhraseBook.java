package com.consultchat.safety.control;

import com.consultchat.platform.boundary.SchemaMigrated;
import com.consultchat.safety.entity.EmergencyPhrase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The emergency phrases, ready to match in memory: the check runs after every committed message, so
 * it must not ask the database. Loaded at start and again after every edit.
 */
@ApplicationScoped
public class PhraseBook {

  @Inject EntityManager em;

  private final AtomicReference<PhraseMatcher> matcher =
      new AtomicReference<>(new PhraseMatcher(List.of()));

  void start(@Observes SchemaMigrated migrated) {
    reload();
  }

  public void reload() {
    matcher.set(
        new PhraseMatcher(
            em.createNamedQuery(EmergencyPhrase.ALL, EmergencyPhrase.class)
                .getResultStream()
                .map(p -> PhraseMatcher.phrase(p.id(), p.language(), p.phrase()))
                .toList()));
  }

  public Optional<PhraseMatcher.Phrase> find(String text) {
    return matcher.get().find(text);
  }
}
