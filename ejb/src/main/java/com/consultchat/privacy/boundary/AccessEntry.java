package com.consultchat.privacy.boundary;

import java.time.Instant;

/**
 * One line of a person's own audit trail, in words: who opened what of theirs, and when. {@code
 * onBehalfOfClinic} marks an administrator's access to a record they take no part in.
 */
public record AccessEntry(
    Instant at, String who, String role, String action, String what, boolean onBehalfOfClinic) {}
