package com.consultchat.privacy.boundary;

import java.io.Serializable;
import java.time.Instant;

/** An erasure request as the person and the administrators see it. */
public record ErasureItem(
    long id,
    long accountId,
    String personName,
    String username,
    Instant requestedAt,
    ErasureStatus status,
    Instant decidedAt,
    String reason)
    implements Serializable {

  public boolean isPending() {
    return status == ErasureStatus.PENDING;
  }

  public String statusLabel() {
    return status.label();
  }
}
