package com.consultchat.integration.boundary;

import java.time.Instant;
import java.util.List;

/** A webhook as the administrators' list shows it: where it goes, and how its deliveries fare. */
public record WebhookItem(
    long id,
    String url,
    List<String> events,
    Instant createdAt,
    long delivered,
    long waiting,
    long abandoned,
    Integer lastStatus,
    Instant lastDeliveredAt) {}
