package com.consultchat.integration.boundary;

/** A webhook just registered, with its signing secret: shown this once. */
public record IssuedWebhook(long id, String secret) {}
