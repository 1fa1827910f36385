package com.consultchat.platform.boundary;

/**
 * Something that happened and committed, for the people who are online to see at once. Fired as a
 * CDI event inside the transaction and handed on only after it commits.
 */
public interface Notification {}
