package com.consultchat.account.boundary;

import com.consultchat.platform.boundary.Notification;
import java.time.Instant;

/**
 * The logins an account made before {@code from} no longer count (a disable, a password reset, a
 * role change), announced after commit so that the web layer of this node ends them at once: its
 * HTTP sessions and sockets. Other nodes learn it from the database ({@link AccountStanding}).
 */
public record LoginsEnded(long account, Instant from, boolean disabled) implements Notification {}
