package com.consultchat.web.messaging.boundary;

import com.consultchat.account.boundary.AccountErased;
import com.consultchat.web.messaging.control.Disconnects;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/** An erased person's sockets close once the erasure has committed: they cannot log in again. */
@ApplicationScoped
public class ErasedAccountSockets {

  @Inject Disconnects disconnects;

  void erased(@Observes(during = TransactionPhase.AFTER_SUCCESS) AccountErased event) {
    disconnects.ofAccount(event.accountId());
  }
}
