package com.consultchat.web.messaging.control;

import com.consultchat.messaging.boundary.ChatMessage;
import com.consultchat.messaging.boundary.MembershipEnded;
import com.consultchat.messaging.boundary.MessagePosted;
import com.consultchat.messaging.boundary.ReceiptChanged;
import com.consultchat.messaging.boundary.Typing;
import com.consultchat.platform.boundary.Notification;
import com.consultchat.platform.boundary.NotificationSink;
import com.consultchat.platform.boundary.Notifications;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Turns committed notifications into frames for the people concerned: one route per kind of
 * notification, each encoding its frame once and handing it to {@link PersonLanes}. Messaging's own
 * kinds are routed here; other features route theirs through {@code Pushes}, so messaging knows
 * none of them. The web layer registers this as the one sink, since CDI events from the EJB module
 * do not reach observers in the WAR.
 */
@ApplicationScoped
public class NotificationRouter implements NotificationSink {

  // Features add their routes while the application starts, when notifications may already flow.
  private final Map<Class<?>, Consumer<Notification>> routes = new ConcurrentHashMap<>();
  private final SeqOrder order;

  @Inject Notifications notifications;
  @Inject PersonLanes lanes;
  @Inject PollVersions pollVersions;
  @Inject RecentTyping typing;
  @Inject SessionRegistry registry;
  @Inject Sweepers sweepers;
  @Inject MessagingMeters meters;

  NotificationRouter() {
    this(System::nanoTime);
  }

  NotificationRouter(LongSupplier nanoClock) {
    order = new SeqOrder(nanoClock);
    add(MessagePosted.class, this::messagePosted);
    add(ReceiptChanged.class, this::receiptChanged);
    add(Typing.class, this::typed);
    add(MembershipEnded.class, this::membershipEnded);
  }

  void start(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    notifications.register(this);
    sweepers.every(250, "message order", order::sweep);
  }

  @PreDestroy
  void stop() {
    notifications.unregister(this);
  }

  @Override
  public void deliver(Notification notification) {
    Consumer<Notification> route = routes.get(notification.getClass());
    if (route != null) {
      route.accept(notification);
    }
  }

  /** Members get each conversation's messages in seq order, whatever order the commits end in. */
  void messagePosted(MessagePosted posted) {
    ChatMessage message = posted.message();
    meters.stored();
    pollVersions.changed(message.conversation());
    order.arrive(
        message.conversation(),
        message.seq(),
        () -> lanes.toPeople(posted.recipients(), encode(new ServerFrame.Message(message))));
  }

  void receiptChanged(ReceiptChanged changed) {
    pollVersions.changed(changed.conversation());
    lanes.toPeople(
        changed.recipients(),
        encode(new ServerFrame.Receipt(changed.conversation(), changed.receipt())));
  }

  /** Sockets are told at once; polls ask who typed lately. */
  void typed(Typing typed) {
    typing.typed(typed.conversation(), typed.account(), typed.name());
    lanes.toPeople(
        typed.recipients(),
        encode(new ServerFrame.Typing(typed.conversation(), typed.account(), typed.name())));
  }

  /**
   * A former member's sockets stop following the conversation, so presence stops reaching them
   * (typing and receipts go to members only), and the poll tokens they were given go stale, so
   * their next poll is checked again rather than answered from memory.
   */
  void membershipEnded(MembershipEnded ended) {
    registry.unfollow(ended.account(), ended.conversation());
    pollVersions.changed(ended.conversation());
  }

  /**
   * Notifications of exactly this type go to the handler. A second route for a type is refused: two
   * features pushing the same change would each send it.
   */
  public <T extends Notification> void route(Class<T> type, Consumer<T> handler) {
    add(type, handler);
  }

  // What the constructor calls: the container's proxy overrides public methods such as route.
  private <T extends Notification> void add(Class<T> type, Consumer<T> handler) {
    Consumer<Notification> route = notification -> handler.accept(type.cast(notification));
    if (routes.putIfAbsent(type, route) != null) {
      throw new IllegalStateException(type.getName() + " already has a route");
    }
  }

  private static String encode(ServerFrame frame) {
    return FrameCodec.encode(frame);
  }
}
