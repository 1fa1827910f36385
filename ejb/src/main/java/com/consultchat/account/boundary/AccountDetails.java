package com.consultchat.account.boundary;

import java.time.Instant;

/**
 * What an account holds about a person, as their data export shows it: never the password hash nor
 * the second factor's secret, only whether one is set up.
 */
public record AccountDetails(
    long id,
    String username,
    String displayName,
    Role role,
    String status,
    Instant createdAt,
    Instant lastSeenAt,
    boolean sharesReadReceipts,
    boolean twoStepLogin) {}
