package com.consultchat.retention.control;

import com.consultchat.retention.boundary.Retention;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;

/**
 * Runs the purge every night at a quiet hour. Not persistent: a night missed while the server was
 * down is caught up the next night, since whatever is due then includes it. Every node runs it; the
 * purge locks what it removes, so two nodes never remove the same entry twice.
 */
@Singleton
public class RetentionSchedule {

  private static final System.Logger LOG = System.getLogger(RetentionSchedule.class.getName());

  @Inject Retention retention;

  @Schedule(hour = "3", minute = "17", persistent = false)
  void nightly() {
    try {
      retention.scheduled();
    } catch (RuntimeException e) {
      LOG.log(Level.ERROR, "The nightly retention purge failed; it runs again tomorrow", e);
    }
  }
}
