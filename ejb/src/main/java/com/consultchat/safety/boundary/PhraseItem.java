package com.consultchat.safety.boundary;

import java.io.Serializable;

/** An emergency phrase as the administrators' list shows it. */
public record PhraseItem(long id, String language, String phrase) implements Serializable {}
