package com.consultchat.web.messaging.control;

import com.consultchat.account.boundary.Caller;
import com.consultchat.platform.boundary.Notification;
import com.consultchat.web.messaging.boundary.Pushes;
import java.util.List;

/**
 * Messaging's way out, wired by hand for tests of other packages: the router, the lanes and one
 * open socket each for {@link #PATIENT} and {@link #STAFF}. Lanes run only when told, so a test
 * sees that nothing reaches a socket but through its person's lane.
 */
public final class SocketsFixture {

  public static final Caller PATIENT = SessionRegistryTest.ANNA;
  public static final Caller STAFF = SessionRegistryTest.BEN;

  private final QueuedExecutor executor = new QueuedExecutor();
  private final SessionRegistry registry = new SessionRegistry();
  private final NotificationRouter router = new NotificationRouter(System::nanoTime);
  private final PersonLanes lanes = new PersonLanes(registry, new FanOut(2, executor));
  private final FakeSocket patient = new FakeSocket("patient");
  private final FakeSocket staff = new FakeSocket("staff");
  private final Pushes pushes = new Pushes(router, lanes, new PollSignals());

  public SocketsFixture() {
    router.lanes = lanes;
    router.meters = new MessagingMeters();
    router.pollVersions = new PollVersions(System::nanoTime);
    router.typing = new RecentTyping(System::nanoTime);
    registry.open(patient.session, PATIENT);
    registry.open(staff.session, STAFF);
  }

  public Pushes pushes() {
    return pushes;
  }

  /** A committed notification, as the EJB module hands it to the web layer's sink. */
  public void commit(Notification notification) {
    router.deliver(notification);
  }

  /** Runs every lane's work handed over so far. */
  public void runLanes() {
    executor.runAll();
  }

  /** The frames written to the person's socket so far, in order. */
  public List<String> sentTo(Caller caller) {
    if (caller.equals(PATIENT)) {
      return List.copyOf(patient.sent);
    }
    if (caller.equals(STAFF)) {
      return List.copyOf(staff.sent);
    }
    throw new IllegalArgumentException("No socket of " + caller.username());
  }
}
