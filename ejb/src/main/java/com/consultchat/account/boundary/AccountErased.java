package com.consultchat.account.boundary;

/**
 * An account was pseudonymised at its owner's request. Observed {@code AFTER_SUCCESS} to end the
 * person's sockets on this node.
 */
public record AccountErased(long accountId) {}
