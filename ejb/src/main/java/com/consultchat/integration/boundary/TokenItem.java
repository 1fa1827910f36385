package com.consultchat.integration.boundary;

import java.time.Instant;
import java.util.List;

/** A token as the administrators' list shows it, without its secret. */
public record TokenItem(
    long id,
    String name,
    String actingAs,
    List<String> scopes,
    Instant createdAt,
    Instant expiresAt,
    Instant revokedAt,
    Instant lastUsedAt,
    boolean usable) {}
