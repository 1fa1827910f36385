package com.consultchat.web.messaging.control;

import com.consultchat.consultation.boundary.ConsultationChanged;
import com.consultchat.consultation.boundary.QueueChanged;
import com.consultchat.messaging.boundary.ChatMessage;
import com.consultchat.messaging.boundary.MessagePosted;
import com.consultchat.messaging.boundary.ReceiptChanged;
import com.consultchat.messaging.boundary.Typing;
import com.consultchat.platform.boundary.Notification;
import com.consultchat.platform.boundary.NotificationSink;
import com.consultchat.platform.boundary.Notifications;
import com.consultchat.room.boundary.RoomChanged;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Turns committed notifications into frames for the people concerned: one method per kind of
 * notification, each encoding its frame once and handing it to {@link PersonLanes}. The web layer
 * registers this as a sink, since CDI events from the EJB module do not reach observers in the WAR.
 */
@ApplicationScoped
public class NotificationRouter implements NotificationSink {

  private final Map<Class<?>, Consumer<Notification>> routes = new HashMap<>();
  private final SeqOrder order;

  @Inject Notifications notifications;
  @Inject PersonLanes lanes;
  @Inject PollVersions pollVersions;
  @Inject RecentTyping typing;
  @Inject Sweepers sweepers;

  NotificationRouter() {
    this(System::nanoTime);
  }

  NotificationRouter(LongSupplier nanoClock) {
    order = new SeqOrder(nanoClock);
    route(MessagePosted.class, this::messagePosted);
    route(ReceiptChanged.class, this::receiptChanged);
    route(Typing.class, this::typed);
    route(RoomChanged.class, this::roomChanged);
    route(ConsultationChanged.class, this::consultationChanged);
    route(QueueChanged.class, this::queueChanged);
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

  void roomChanged(RoomChanged changed) {
    lanes.toPeople(changed.recipients(), encode(new ServerFrame.Room(changed.room())));
  }

  void consultationChanged(ConsultationChanged changed) {
    lanes.toPeople(
        changed.recipients(), encode(new ServerFrame.Consultation(changed.consultation())));
  }

  /** The queue is every staff member's; it names no patient (see {@code QueueItem}). */
  void queueChanged(QueueChanged changed) {
    lanes.toStaff(encode(new ServerFrame.Queue(changed.arrived())));
  }

  private <T extends Notification> void route(Class<T> type, Consumer<T> handler) {
    routes.put(type, notification -> handler.accept(type.cast(notification)));
  }

  private static String encode(ServerFrame frame) {
    return FrameCodec.encode(frame);
  }
}
