package com.consultchat.web.messaging.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.System.Logger.Level;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The message path's periodic chores on one thread of the application's own, started and stopped
 * with it; each class that keeps something to sweep schedules its own chore here. The server's
 * managed scheduler refuses every run once the server is suspended for a shutdown or reload, which
 * is before the application stops: its sweeps then failed several times a second until the
 * undeploy. Sweeps must also go on while the server is suspended, as sockets are still open and
 * held messages must still go out until they are closed.
 */
@ApplicationScoped
public class Sweepers {

  private static final System.Logger LOG = System.getLogger(Sweepers.class.getName());

  @Resource ManagedThreadFactory threads;

  private ScheduledExecutorService scheduler;

  @PostConstruct
  void start() {
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, threads);
    executor.setRemoveOnCancelPolicy(true);
    scheduler = executor;
  }

  /** Runs {@code chore} every {@code periodMillis}; one failed run does not stop the next. */
  void every(long periodMillis, String name, Runnable chore) {
    try {
      scheduler.scheduleWithFixedDelay(
          () -> {
            try {
              chore.run();
            } catch (RuntimeException failure) {
              LOG.log(
                  Level.WARNING, "The " + name + " sweep failed; it runs again shortly", failure);
            }
          },
          periodMillis,
          periodMillis,
          TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopped) {
      // Only after stop(): the application is going away, and so is what the chore would sweep.
      LOG.log(Level.DEBUG, "The {0} sweep was not started: the application stops", name);
    }
  }

  /** No sweep starts after this returns; one already running may finish. */
  @PreDestroy
  void stop() {
    scheduler.shutdownNow();
  }
}
