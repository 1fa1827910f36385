package com.consultchat.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hands notifications to the registered sinks after the transaction that fired them committed, so
 * nothing is pushed that is not stored. CDI events fired here do not reach observers in the web
 * module, which the EJB module cannot see; the web layer registers a sink instead.
 */
@ApplicationScoped
public class Notifications {

  private static final System.Logger LOG = System.getLogger(Notifications.class.getName());

  private final List<NotificationSink> sinks = new CopyOnWriteArrayList<>();

  public void register(NotificationSink sink) {
    sinks.add(sink);
  }

  public void unregister(NotificationSink sink) {
    sinks.remove(sink);
  }

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) Notification notification) {
    for (NotificationSink sink : sinks) {
      try {
        sink.deliver(notification);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "A notification sink failed; the others still get it", e);
      }
    }
  }
}
