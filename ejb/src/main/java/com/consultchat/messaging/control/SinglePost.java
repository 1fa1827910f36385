package com.consultchat.messaging.control;

import com.consultchat.account.boundary.Caller;
import com.consultchat.messaging.boundary.Draft;
import com.consultchat.messaging.boundary.MessageKind;
import com.consultchat.messaging.boundary.Posted;
import com.consultchat.messaging.entity.Message;
import com.consultchat.platform.boundary.Refused;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.util.List;
import java.util.Optional;

/**
 * Posts in a transaction of their own: posts a policy judges, kinds other than text, and the posts
 * of a group whose shared transaction failed.
 */
@Stateless
public class SinglePost {

  @Inject Posting posting;
  @Resource SessionContext context;

  @Interceptors(FailFast.class)
  public Posted post(
      Caller caller, long conversationId, String rawClientId, MessageKind kind, String body) {
    return posting.one(
        caller,
        conversationId,
        rawClientId,
        kind,
        null,
        body,
        (seq, sender, clientId, now) ->
            Message.post(conversationId, seq, sender, clientId, kind, body, now));
  }

  /**
   * Several first sends of the caller to one conversation in one transaction; empty, with nothing
   * stored, if any of them is a resend, would be held or is refused.
   */
  @Interceptors(FailFast.class)
  public Optional<List<Posted>> together(Caller caller, long conversationId, List<Draft> drafts) {
    try {
      Optional<List<Posted>> posted = posting.together(caller, conversationId, drafts);
      return posted.isPresent() ? posted : apart();
    } catch (Refused refused) {
      return apart();
    }
  }

  /** Nothing of a group is stored: its posts go one at a time. */
  private Optional<List<Posted>> apart() {
    context.setRollbackOnly();
    return Optional.empty();
  }
}
