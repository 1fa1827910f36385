package com.consultchat.messaging.control;

import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;

/**
 * Gives a message-path transaction short database timeouts. A frame that waits on a locked row or a
 * stalled statement fails within seconds with a retryable error, and the web layer tries it again
 * later, instead of holding a thread and a connection for as long as the stall lasts. Bound with
 * {@code @Interceptors} to the boundary methods frames call; it runs inside their transaction, and
 * {@code is_local} makes the settings end with it, so the pooled connection goes back unchanged.
 */
public class FailFast {

  /** Long enough for any ordinary wait on a conversation's row lock, short against a stall. */
  static final String LOCK_TIMEOUT = "2s";

  /** Every message-path statement is an indexed lookup or a short page; seconds mean a stall. */
  static final String STATEMENT_TIMEOUT = "5s";

  @Inject EntityManager em;

  @AroundInvoke
  Object withTimeouts(InvocationContext invocation) throws Exception {
    // One round trip for both; a SELECT, so nothing is written and no cache is invalidated.
    em.createNativeQuery(
            "select set_config('lock_timeout', ?1, true), set_config('statement_timeout', ?2, true)")
        .setParameter(1, LOCK_TIMEOUT)
        .setParameter(2, STATEMENT_TIMEOUT)
        .getSingleResult();
    return invocation.proceed();
  }
}
