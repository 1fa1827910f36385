package com.consultchat.messaging.control;

import com.consultchat.account.boundary.Caller;
import com.consultchat.messaging.boundary.MessageKind;
import com.consultchat.messaging.boundary.Posted;
import com.consultchat.messaging.entity.Message;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;

/**
 * One post in a transaction of its own: for posts a policy judges, kinds other than text, and the
 * posts of a group whose shared transaction failed.
 */
@Stateless
public class SinglePost {

  @Inject Posting posting;

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
}
