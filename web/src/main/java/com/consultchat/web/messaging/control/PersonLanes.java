package com.consultchat.web.messaging.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one way out to sockets: every frame, whether an answer, a pushed message, the queue or a
 * presence change, goes through the lane of the person it is for (see {@link FanOut}), so nothing
 * overtakes what was handed to that person before, and then into the socket's bounded queue, which
 * closes a client that falls too far behind. Frames are encoded by the caller, once.
 */
@ApplicationScoped
public class PersonLanes {

  @Inject SessionRegistry registry;
  @Resource ManagedExecutorService executor;

  private FanOut fanOut;

  PersonLanes() {}

  PersonLanes(SessionRegistry registry, FanOut fanOut) {
    this.registry = registry;
    this.fanOut = fanOut;
  }

  @PostConstruct
  void start() {
    // Two lanes per core: enough to keep every core writing while one lane waits for its thread.
    fanOut = new FanOut(2 * Runtime.getRuntime().availableProcessors(), executor);
  }

  /** The frame to every open socket of each of these people, as they are when their lane runs. */
  public void toPeople(Collection<Long> accounts, String frame) {
    fanOut.deliver(
        accounts, account -> registry.socketsOf(account).forEach(channel -> channel.send(frame)));
  }

  /**
   * Answers a frame on the socket it came from, behind everything already handed to its person, so
   * the ack of a message never overtakes the message itself on the sender's socket.
   */
  public void toSocket(SessionChannel channel, String frame) {
    toSockets(Map.of(channel, frame));
  }

  /** Each socket its own frame, on the lane of the socket's person. */
  void toSockets(Map<SessionChannel, String> frames) {
    Map<Long, List<Map.Entry<SessionChannel, String>>> byPerson = new HashMap<>();
    frames
        .entrySet()
        .forEach(
            entry ->
                byPerson
                    .computeIfAbsent(entry.getKey().caller().id(), id -> new ArrayList<>())
                    .add(entry));
    fanOut.deliver(
        byPerson.keySet(),
        account -> byPerson.get(account).forEach(entry -> entry.getKey().send(entry.getValue())));
  }

  /** The frame to every open socket of a staff member. */
  public void toStaff(String frame) {
    Map<SessionChannel, String> frames = new HashMap<>();
    registry.sockets().stream()
        .filter(channel -> channel.caller().isStaff())
        .forEach(channel -> frames.put(channel, frame));
    toSockets(frames);
  }

  /**
   * Sheds a socket (1013): closed behind everything already handed to its person, so the answers it
   * was given first (acks, busy refusals) still reach it.
   */
  void shed(SessionChannel channel) {
    fanOut.deliver(
        List.of(channel.caller().id()),
        account ->
            channel.closeAfterQueued(
                CloseReason.CloseCodes.TRY_AGAIN_LATER, SessionChannel.SHED_REASON));
  }
}
