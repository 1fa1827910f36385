package com.consultchat.messaging.boundary;

/**
 * The answer to a send: the stored message and whether it had been stored before (a resend); or,
 * when the conversation holds posts for review, {@code held} with no message yet.
 */
public record Posted(ChatMessage message, boolean resend, boolean held, String clientId) {

  public static Posted stored(ChatMessage message, boolean resend) {
    return new Posted(message, resend, false, message.clientId());
  }

  public static Posted heldForReview(String clientId) {
    return new Posted(null, false, true, clientId);
  }
}
