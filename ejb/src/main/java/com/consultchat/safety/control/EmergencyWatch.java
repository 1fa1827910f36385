package com.consultchat.safety.control;

import com.consultchat.messaging.boundary.ChatMessage;
import com.consultchat.messaging.boundary.MessageKind;
import com.consultchat.messaging.boundary.MessagePosted;
import com.consultchat.safety.boundary.EmergencyWritten;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;

/**
 * Reads every committed message for emergency phrases, beside messaging's write path rather than in
 * it: the message is stored and delivered whatever happens here, and the check, in memory, adds
 * microseconds after the commit. A match is handed on asynchronously to the features that own the
 * conversation. Edits count too: a patient may add "I can't breathe" to what they wrote.
 */
@ApplicationScoped
public class EmergencyWatch {

  private static final System.Logger LOG = System.getLogger(EmergencyWatch.class.getName());

  @Inject PhraseBook book;
  @Inject Event<EmergencyWritten> written;

  void posted(@Observes(during = TransactionPhase.AFTER_SUCCESS) MessagePosted posted) {
    ChatMessage message = posted.message();
    // A file's caption is something the patient wrote too.
    if (!message.kind().equals(MessageKind.TEXT.name())
        && !message.kind().equals(MessageKind.EDIT.name())
        && !message.kind().equals(MessageKind.FILE.name())) {
      return;
    }
    book.find(message.body())
        .ifPresent(
            phrase -> {
              // Where, never what: neither the text nor which phrase (which names the kind of
              // emergency) reaches a log; the audit trail has the flag.
              LOG.log(
                  Level.INFO,
                  "An emergency phrase matched in conversation {0}, message {1}",
                  message.conversation(),
                  message.seq());
              written
                  .fireAsync(
                      new EmergencyWritten(
                          message.conversation(),
                          message.senderId(),
                          message.seq(),
                          phrase.id(),
                          phrase.language()))
                  .exceptionally(
                      failure -> {
                        LOG.log(
                            Level.ERROR,
                            "Could not flag the emergency in conversation "
                                + message.conversation(),
                            failure);
                        return null;
                      });
            });
  }
}
