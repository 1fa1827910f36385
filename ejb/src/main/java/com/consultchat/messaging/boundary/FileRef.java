package com.consultchat.messaging.boundary;

/**
 * The file a FILE entry carries, as participants see it: the server's id (downloads go through it,
 * never through the name), the sanitised name for display, the type detected from the content, and
 * its size in bytes.
 */
public record FileRef(long id, String name, String type, long size) {}
