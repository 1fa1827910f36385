package com.consultchat.platform.boundary;

import com.consultchat.platform.control.OtherNodes;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Hands notifications to the registered sinks after the transaction that fired them committed, so
 * nothing is pushed that is not stored, and in the order they were fired: a transaction that stores
 * several messages announces them in sequence. (One synchronization per notification, as a
 * transactional observer registers, runs in no defined order.) CDI events fired here do not reach
 * observers in the web module, which the EJB module cannot see; the web layer registers a sink
 * instead. In a cluster the other nodes get them too ({@link OtherNodes}) and hand them to their
 * own sinks, so people are told whichever node they are connected to.
 */
@ApplicationScoped
public class Notifications {

  private static final System.Logger LOG = System.getLogger(Notifications.class.getName());

  /** Where a transaction keeps its notifications until it ends. */
  private static final Object PENDING = Notifications.class.getName() + ".pending";

  private final List<NotificationSink> sinks = new CopyOnWriteArrayList<>();

  @Resource TransactionSynchronizationRegistry transactions;
  @Inject OtherNodes otherNodes;

  @PostConstruct
  void start() {
    otherNodes.open(this::deliverHere);
  }

  public void register(NotificationSink sink) {
    sinks.add(sink);
  }

  public void unregister(NotificationSink sink) {
    sinks.remove(sink);
  }

  void fired(@Observes Notification notification) {
    if (transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
      deliver(List.of(notification));
      return;
    }
    @SuppressWarnings("unchecked")
    List<Notification> pending = (List<Notification>) transactions.getResource(PENDING);
    if (pending == null) {
      List<Notification> mine = new ArrayList<>();
      transactions.putResource(PENDING, mine);
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              if (status == Status.STATUS_COMMITTED) {
                deliver(mine);
              }
            }
          });
      pending = mine;
    }
    pending.add(notification);
  }

  /**
   * For what each node keeps in memory and has already applied here: the other nodes of a cluster
   * get it and hand it to their sinks; this node's sinks do not.
   */
  public void toOtherNodes(Notification notification) {
    otherNodes.send(List.of(notification));
  }

  private void deliver(List<Notification> notifications) {
    deliverHere(notifications);
    otherNodes.send(notifications);
  }

  private void deliverHere(List<Notification> notifications) {
    for (Notification notification : notifications) {
      for (NotificationSink sink : sinks) {
        try {
          sink.deliver(notification);
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "A notification sink failed; the others still get it", e);
        }
      }
    }
  }
}
