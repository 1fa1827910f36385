package com.consultchat.messaging.control;

import com.consultchat.account.boundary.Caller;
import com.consultchat.messaging.boundary.Posted;
import jakarta.persistence.QueryTimeoutException;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A text post waiting in {@link GroupCommit} for the transaction that stores it. */
public final class GroupPost {

  private final Caller caller;
  private final long conversationId;
  private final String rawClientId;
  private final UUID clientId;
  private final String body;
  private final CompletableFuture<Posted> answer = new CompletableFuture<>();

  GroupPost(Caller caller, long conversationId, String rawClientId, String body) {
    this.caller = caller;
    this.conversationId = conversationId;
    this.rawClientId = rawClientId;
    this.clientId = com.consultchat.messaging.entity.Message.clientId(rawClientId);
    this.body = body;
  }

  Caller caller() {
    return caller;
  }

  long conversationId() {
    return conversationId;
  }

  String rawClientId() {
    return rawClientId;
  }

  UUID clientId() {
    return clientId;
  }

  String body() {
    return body;
  }

  MessageLog.ClientKey key() {
    return new MessageLog.ClientKey(caller.id(), clientId);
  }

  Membership.Seat seat() {
    return new Membership.Seat(conversationId, caller.id());
  }

  /** Completes once the post's transaction has committed, or with what kept the post out. */
  CompletableFuture<Posted> answer() {
    return answer;
  }

  void stored(Posted posted) {
    answer.complete(posted);
  }

  void failed(RuntimeException failure) {
    answer.completeExceptionally(failure);
  }

  /**
   * The answer, once the post's transaction has committed (or the refusal or failure that kept it
   * out). Past {@code seconds} the poster is told to try again; should the post still be stored
   * after that, the retry finds it and is answered with it, as any resend.
   */
  Posted await(long seconds) {
    try {
      return answer.get(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QueryTimeoutException("Interrupted while waiting for the post's transaction");
    } catch (TimeoutException e) {
      throw new QueryTimeoutException("The post's transaction did not end in time");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw new IllegalStateException("Storing the post failed", e.getCause());
    }
  }
}
