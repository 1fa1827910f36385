package com.consultchat.platform.control;

import com.consultchat.platform.boundary.Notification;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.io.IOException;
import java.io.Serializable;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.wildfly.clustering.server.Group;
import org.wildfly.clustering.server.GroupMember;
import org.wildfly.clustering.server.dispatcher.Command;
import org.wildfly.clustering.server.dispatcher.CommandDispatcher;
import org.wildfly.clustering.server.dispatcher.CommandDispatcherFactory;

/**
 * Hands committed notifications to the other nodes of a WildFly cluster, each of which delivers
 * them to the people connected to it: the database numbers every message once, and every node fans
 * out to its own sockets. WildFly's command dispatcher carries them over the cluster's JGroups
 * channel, reliably and in the order each node sent them; on a single node its dispatcher is a
 * local one and nothing is sent at all.
 */
@ApplicationScoped
public class OtherNodes {

  private static final System.Logger LOG = System.getLogger(OtherNodes.class.getName());

  /** Names this application's dispatcher on every node, so commands reach its twin. */
  private static final String DISPATCHER = "consultchat-notifications";

  private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(30);

  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong lastLogged = new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS);

  // The default group is the server's: the "ee" channel of an HA profile, a local group otherwise.
  @Resource(lookup = "java:jboss/clustering/server/command-dispatcher-factory/default")
  CommandDispatcherFactory<GroupMember> factory;

  private volatile CommandDispatcher<GroupMember, Consumer<List<Notification>>> dispatcher;

  /** Notifications the other nodes send are handed to {@code here}, on a thread of the channel. */
  public void open(Consumer<List<Notification>> here) {
    dispatcher =
        factory.createCommandDispatcher(DISPATCHER, here, OtherNodes.class.getClassLoader());
  }

  @PreDestroy
  void close() {
    CommandDispatcher<?, ?> open = dispatcher;
    dispatcher = null;
    if (open != null) {
      open.close();
    }
  }

  /** Sends them to every other node; a failure is counted and logged, never thrown. */
  public void send(List<Notification> notifications) {
    CommandDispatcher<GroupMember, Consumer<List<Notification>>> open = dispatcher;
    Group<GroupMember> group = factory.getGroup();
    if (open == null || notifications.isEmpty() || group.getMembership().getMembers().size() < 2) {
      return;
    }
    try {
      Deliver command = new Deliver(write(notifications));
      var answers = open.dispatchToGroup(command, Set.of(group.getLocalMember()));
      for (CompletionStage<Void> answer : answers.values()) {
        answer.whenComplete(
            (done, failure) -> {
              if (failure != null) {
                failed(failure);
              }
            });
      }
    } catch (IOException | RuntimeException e) {
      failed(e);
    }
  }

  // The exception's class only: a message could quote what was being sent.
  private void failed(Throwable failure) {
    long count = failures.incrementAndGet();
    long now = System.nanoTime();
    long last = lastLogged.get();
    if (now - last >= LOG_EVERY_NANOS && lastLogged.compareAndSet(last, now)) {
      LOG.log(
          Level.WARNING,
          "Notifications did not reach another node ({0}; {1} so far); its people catch up when"
              + " they next sync",
          failure.getClass().getName(),
          count);
    }
  }

  private static final Jsonb JSON = JsonbBuilder.create();

  /**
   * Each notification as the name of its type and its JSON: they are records, which JSON-B reads
   * back through their constructors, so a record's checks hold on the receiving node too. Nothing
   * is read with Java's deserialization.
   */
  static String[] write(List<Notification> notifications) {
    String[] written = new String[notifications.size() * 2];
    for (int i = 0; i < notifications.size(); i++) {
      Notification notification = notifications.get(i);
      written[2 * i] = notification.getClass().getName();
      written[2 * i + 1] = JSON.toJson(notification);
    }
    return written;
  }

  /** Reads only types that are notifications of this application. */
  static List<Notification> read(String[] written) throws IOException {
    List<Notification> notifications = new ArrayList<>(written.length / 2);
    for (int i = 0; i + 1 < written.length; i += 2) {
      Class<? extends Notification> type = notificationType(written[i]);
      try {
        notifications.add(JSON.fromJson(written[i + 1], type));
      } catch (JsonbException e) {
        throw new IOException("Unreadable " + type.getSimpleName(), e);
      }
    }
    return notifications;
  }

  private static Class<? extends Notification> notificationType(String name) throws IOException {
    try {
      Class<?> type = Class.forName(name, false, OtherNodes.class.getClassLoader());
      if (Notification.class.isAssignableFrom(type) && type.isRecord()) {
        return type.asSubclass(Notification.class);
      }
    } catch (ClassNotFoundException e) {
      // Refused below, like any other name.
    }
    throw new IOException("Not a notification type: " + name.length() + " characters");
  }

  /** What travels: the notifications as bytes, delivered to the receiving node's sinks. */
  static final class Deliver
      implements Command<Void, Consumer<List<Notification>>, IOException>, Serializable {

    private static final long serialVersionUID = 1L;

    private final String[] notifications;

    Deliver(String[] notifications) {
      this.notifications = notifications;
    }

    @Override
    public Void execute(Consumer<List<Notification>> here) throws IOException {
      here.accept(read(notifications));
      return null;
    }
  }
}
