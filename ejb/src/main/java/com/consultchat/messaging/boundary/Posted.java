package com.consultchat.messaging.boundary;

/** The answer to a send: the stored message, and whether it had been stored before (a resend). */
public record Posted(ChatMessage message, boolean resend) {}
