package com.consultchat.room.boundary;

import java.io.Serializable;
import java.time.Instant;

/** A post waiting for review, as its author or the room's staff see it. */
public record HeldItem(long id, String author, String body, Instant heldAt)
    implements Serializable {}
