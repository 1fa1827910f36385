package com.consultchat.web.messaging.control;

import java.lang.System.Logger.Level;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The registry's periodic chores on one thread of the application's own, started and stopped with
 * it. The server's managed scheduler refuses every run once the server is suspended for a shutdown
 * or reload, which is before the application stops: its sweeps then failed several times a second
 * until the undeploy. Sweeps must also go on while the server is suspended, as sockets are still
 * open and held messages must still go out until the registry closes them.
 */
final class Sweepers {

  private static final System.Logger LOG = System.getLogger(Sweepers.class.getName());

  private final ScheduledExecutorService scheduler;

  Sweepers(ThreadFactory threads) {
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, threads);
    executor.setRemoveOnCancelPolicy(true);
    scheduler = executor;
  }

  /** Runs {@code chore} every {@code periodMillis}; one failed run does not stop the next. */
  void every(long periodMillis, String name, Runnable chore) {
    scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            chore.run();
          } catch (RuntimeException failure) {
            LOG.log(Level.WARNING, "The " + name + " sweep failed; it runs again shortly", failure);
          }
        },
        periodMillis,
        periodMillis,
        TimeUnit.MILLISECONDS);
  }

  /** No sweep starts after this returns; one already running may finish. */
  void stop() {
    scheduler.shutdownNow();
  }
}
