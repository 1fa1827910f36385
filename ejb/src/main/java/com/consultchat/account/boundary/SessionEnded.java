package com.consultchat.account.boundary;

import com.consultchat.platform.boundary.Notification;

/**
 * One of the person's logged-in HTTP sessions ended on a node of a cluster (a logout, or it
 * expired). That node closed the person's sockets; the others, which may hold sockets the same
 * session opened, close theirs too. Those of sessions still logged in reconnect at once.
 */
public record SessionEnded(long account) implements Notification {}
