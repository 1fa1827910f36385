package com.consultchat.platform.boundary;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.wildfly.clustering.server.Group;
import org.wildfly.clustering.server.GroupMember;
import org.wildfly.clustering.server.Registration;
import org.wildfly.clustering.server.provider.ServiceProviderRegistrar;
import org.wildfly.clustering.server.provider.ServiceProviderRegistration;

/**
 * Who has the app open on the other nodes of a cluster. Each node keeps its own people's presence
 * in memory and registers it in WildFly's service provider registrar, a replicated cache that every
 * node reads locally and that forgets a node when it leaves the cluster; after each change the
 * other nodes are told whom to look at again. On a single node (a group that can never grow)
 * nothing is registered and nobody is elsewhere.
 */
@ApplicationScoped
public class Whereabouts implements NotificationSink {

  private static final System.Logger LOG = System.getLogger(Whereabouts.class.getName());

  /** A person's presence on one node, or the best over all nodes. */
  public enum Here {
    ONLINE,
    AWAY,
    OFFLINE
  }

  /** The node's own presence, which web's presence keeps. */
  public interface Local {
    /** The person's presence on this node now. */
    Here here(long account);

    /** Their presence elsewhere may have changed; those who watch them look again. */
    void moved(Collection<Long> accounts);

    /** A node joined or left: everyone shown anywhere is looked at again. */
    void nodesChanged();
  }

  // The registrar is shared by the server's applications: the prefix keeps ours apart.
  private static final String ONLINE = "consultchat.presence.online.";
  private static final String AWAY = "consultchat.presence.away.";
  // Keeps each notice to the other nodes small when thousands connect at once.
  private static final int MOVED_PER_NOTICE = 500;

  private record Registered(Here here, ServiceProviderRegistration<String, GroupMember> entry) {}

  // The "server" cache: replicated in the HA profile, a local one otherwise (configure.cli).
  @Resource(lookup = "java:jboss/clustering/server/service-provider-registrar/server/default")
  ServiceProviderRegistrar<String, GroupMember> registrar;

  @Resource ManagedExecutorService executor;
  @Inject Notifications notifications;

  // Touched only by the one drain running at a time.
  private final Map<Long, Registered> registered = new ConcurrentHashMap<>();
  private final Set<Long> dirty = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean draining = new AtomicBoolean();
  private volatile Local local;
  private volatile boolean alone = true;
  private Registration membership;

  /** Starts sharing the node's presence; {@code local} hears of changes on the other nodes. */
  public void follow(Local local) {
    Group<GroupMember> group = registrar.getGroup();
    this.local = local;
    alone = group.isSingleton();
    if (alone) {
      return;
    }
    notifications.register(this);
    // A node that left took its people with it.
    membership = group.register(event -> local.nodesChanged());
  }

  @PreDestroy
  void stop() {
    notifications.unregister(this);
    if (membership != null) {
      membership.close();
    }
    registered.values().forEach(entry -> close(entry.entry()));
    registered.clear();
  }

  /**
   * The person's presence on this node may have changed: the registrar follows, off this thread.
   */
  public void changed(long account) {
    if (alone) {
      return;
    }
    dirty.add(account);
    schedule();
  }

  /** The best presence the person has on the other nodes that are still in the cluster. */
  public Here elsewhere(long account) {
    if (alone) {
      return Here.OFFLINE;
    }
    Group<GroupMember> group = registrar.getGroup();
    GroupMember me = group.getLocalMember();
    List<GroupMember> members = group.getMembership().getMembers();
    if (providedElsewhere(ONLINE + account, me, members)) {
      return Here.ONLINE;
    }
    return providedElsewhere(AWAY + account, me, members) ? Here.AWAY : Here.OFFLINE;
  }

  /** How many people have the app open on any node; {@code hereCount} is this node's own. */
  public int people(int hereCount) {
    if (alone) {
      return hereCount;
    }
    Group<GroupMember> group = registrar.getGroup();
    List<GroupMember> members = group.getMembership().getMembers();
    Set<String> accounts = new HashSet<>();
    for (String service : registrar.getServices()) {
      String account = account(service);
      if (account != null && !accounts.contains(account)) {
        Set<GroupMember> providers = registrar.getProviders(service);
        if (providers.stream().anyMatch(members::contains)) {
          accounts.add(account);
        }
      }
    }
    return accounts.size();
  }

  @Override
  public void deliver(Notification notification) {
    if (notification instanceof PresenceMoved moved && local != null) {
      local.moved(moved.accounts());
    }
  }

  private static String account(String service) {
    if (service.startsWith(ONLINE)) {
      return service.substring(ONLINE.length());
    }
    return service.startsWith(AWAY) ? service.substring(AWAY.length()) : null;
  }

  private boolean providedElsewhere(String service, GroupMember me, List<GroupMember> members) {
    for (GroupMember provider : registrar.getProviders(service)) {
      if (!provider.equals(me) && members.contains(provider)) {
        return true;
      }
    }
    return false;
  }

  private void schedule() {
    if (!dirty.isEmpty() && draining.compareAndSet(false, true)) {
      try {
        executor.execute(this::drain);
      } catch (RejectedExecutionException stopping) {
        draining.set(false);
      }
    }
  }

  /** Makes the registrations match the node's presence, then tells the other nodes who moved. */
  private void drain() {
    List<Long> moved = new ArrayList<>();
    try {
      for (Iterator<Long> it = dirty.iterator(); it.hasNext(); ) {
        Long account = it.next();
        it.remove();
        if (reconcile(account)) {
          moved.add(account);
        }
      }
    } finally {
      draining.set(false);
    }
    for (int from = 0; from < moved.size(); from += MOVED_PER_NOTICE) {
      List<Long> part = moved.subList(from, Math.min(moved.size(), from + MOVED_PER_NOTICE));
      notifications.toOtherNodes(new PresenceMoved(part));
    }
    // What changed while this drain was finishing waits for the next one.
    schedule();
  }

  private boolean reconcile(long account) {
    Here wanted = local.here(account);
    Registered had = registered.get(account);
    if ((had == null ? Here.OFFLINE : had.here()) == wanted) {
      return false;
    }
    try {
      if (had != null) {
        registered.remove(account);
        close(had.entry());
      }
      if (wanted != Here.OFFLINE) {
        String service = (wanted == Here.ONLINE ? ONLINE : AWAY) + account;
        registered.put(account, new Registered(wanted, registrar.register(service)));
      }
    } catch (RuntimeException failed) {
      LOG.log(
          Level.WARNING,
          "Presence not shared with the other nodes ({0})",
          failed.getClass().getName());
    }
    return true;
  }

  private static void close(Registration registration) {
    try {
      registration.close();
    } catch (RuntimeException failed) {
      LOG.log(Level.DEBUG, "Presence registration not closed: {0}", failed.getClass().getName());
    }
  }
}
