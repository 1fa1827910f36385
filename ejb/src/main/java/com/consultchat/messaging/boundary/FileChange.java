package com.consultchat.messaging.boundary;

import java.time.Instant;

/**
 * Decides what a file's kind and verification become, from what they are once the conversation is
 * locked; the feature that owns files supplies the rules, messaging stores and announces the
 * result.
 */
@FunctionalInterface
public interface FileChange {

  /**
   * The file as it is to be from now on. {@code senderId} is the account that sent it, {@code
   * actorName} the name the conversation gives the person changing it. May throw {@code Refused}.
   */
  FileRef apply(FileRef current, long senderId, String actorName, Instant now);
}
