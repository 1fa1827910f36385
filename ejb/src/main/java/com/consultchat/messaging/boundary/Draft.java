package com.consultchat.messaging.boundary;

/** A post as its client sent it: its own id, its kind (null for text) and its text. */
public record Draft(String clientId, String kind, String body) {}
