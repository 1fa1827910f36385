package com.consultchat.web.account.control;

/**
 * What counts as the person being there, and when their absence ends the session. Page loads and
 * form posts count, and so does the page's own report that someone pressed a key or clicked ({@code
 * POST /api/session/activity}); socket heartbeats, polls and the frames a page sends by itself do
 * not, or a page left open would keep its session forever.
 */
public final class IdleRule {

  public static final String ACTIVITY_PATH = "/api/session/activity";

  private IdleRule() {}

  public static boolean isActivity(String path) {
    return path.endsWith(".xhtml") || path.equals(ACTIVITY_PATH);
  }

  /** Whether someone last active at {@code lastActive} (null: not known yet) is gone by now. */
  public static boolean expired(Long lastActive, long now, long idleMillis) {
    return lastActive != null && now - lastActive >= idleMillis;
  }
}
