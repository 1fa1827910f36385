package com.consultchat.integration.boundary;

import java.util.Arrays;
import java.util.Optional;

/** What a webhook may be told of; stored and sent by its wire name. */
public enum WebhookEvent {
  CONSULTATION_REQUESTED("consultation.requested"),
  CONSULTATION_TAKEN("consultation.taken"),
  CONSULTATION_CLOSED("consultation.closed"),
  CONSULTATION_URGENT("consultation.urgent"),
  MESSAGE_POSTED("message.posted");

  private final String wireName;

  WebhookEvent(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<WebhookEvent> of(String wireName) {
    return Arrays.stream(values()).filter(e -> e.wireName.equals(wireName)).findFirst();
  }
}
