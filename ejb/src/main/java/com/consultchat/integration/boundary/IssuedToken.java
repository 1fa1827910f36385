package com.consultchat.integration.boundary;

import java.time.Instant;

/** A token just created: its secret is in this answer and nowhere else, ever. */
public record IssuedToken(long id, String secret, Instant expiresAt) {}
