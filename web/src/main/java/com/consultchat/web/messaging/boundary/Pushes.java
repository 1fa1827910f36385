package com.consultchat.web.messaging.boundary;

import com.consultchat.platform.boundary.Notification;
import com.consultchat.web.messaging.control.FrameCodec;
import com.consultchat.web.messaging.control.NotificationRouter;
import com.consultchat.web.messaging.control.PersonLanes;
import com.consultchat.web.messaging.control.PollSignals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.function.Consumer;

/**
 * How another feature's web side reaches the people online without messaging knowing it: it routes
 * its own kinds of notification here, and sends its own frames to people or to staff. Each frame is
 * encoded once, by the protocol's one encoder, and goes out on the lane of each person it is for
 * ({@link PersonLanes}), behind everything handed to that person before.
 */
@ApplicationScoped
public class Pushes {

  private final NotificationRouter router;
  private final PersonLanes lanes;
  private final PollSignals pollSignals;

  @Inject
  public Pushes(NotificationRouter router, PersonLanes lanes, PollSignals pollSignals) {
    this.router = router;
    this.lanes = lanes;
    this.pollSignals = pollSignals;
  }

  /** For the container's client proxy only. */
  Pushes() {
    this(null, null, null);
  }

  /**
   * Committed notifications of this type go to the handler, on the thread that committed them; the
   * handler must not block. Each type has one route.
   */
  public <T extends Notification> void on(Class<T> type, Consumer<T> handler) {
    router.route(type, handler);
  }

  /** The frame to every open socket of each of these people. */
  public void toPeople(Collection<Long> accounts, Frame frame) {
    lanes.toPeople(accounts, FrameCodec.encode(frame));
  }

  /**
   * The frame about one conversation to every open socket of each of these people, and to their
   * next poll of that conversation if their browser polls instead: for what must not wait for a
   * reload.
   */
  public void toPeopleInConversation(Collection<Long> accounts, long conversation, Frame frame) {
    String json = FrameCodec.encode(frame);
    lanes.toPeople(accounts, json);
    accounts.forEach(account -> pollSignals.leave(conversation, account, json));
  }

  /** The frame to every open socket of a staff member. */
  public void toStaff(Frame frame) {
    lanes.toStaff(FrameCodec.encode(frame));
  }
}
