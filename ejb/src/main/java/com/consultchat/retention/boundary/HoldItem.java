package com.consultchat.retention.boundary;

import java.io.Serializable;
import java.time.Instant;

/**
 * A legal hold in force: on one consultation, or on a person (then {@code username} names them).
 */
public record HoldItem(
    long id, Long consultationId, Long accountId, String username, String reason, Instant placedAt)
    implements Serializable {

  public boolean onConsultation() {
    return consultationId != null;
  }
}
