package com.consultchat.messaging.boundary;

/**
 * How a participant appears in one conversation: the id and name other participants see. In a
 * consultation that is the account itself; in a room it is a per-room handle and pseudonym, so the
 * same patient cannot be recognised from one room to the next.
 */
public record Alias(long id, String name) {}
