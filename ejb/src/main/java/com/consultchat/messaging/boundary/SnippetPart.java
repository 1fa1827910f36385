package com.consultchat.messaging.boundary;

/**
 * A piece of a found message's text, and whether it is a word that matched the search. Plain text:
 * whoever draws it escapes it, and marks the matches with markup of their own.
 */
public record SnippetPart(String text, boolean match) {}
