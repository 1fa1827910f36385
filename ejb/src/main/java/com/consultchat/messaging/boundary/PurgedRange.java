package com.consultchat.messaging.boundary;

import java.io.Serializable;

/**
 * Sequence numbers {@code from} to {@code to} of a conversation that retention removed: clients
 * drop their copies and count the numbers as known.
 */
public record PurgedRange(long from, long to) implements Serializable {}
