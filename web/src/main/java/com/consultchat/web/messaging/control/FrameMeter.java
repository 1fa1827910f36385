package com.consultchat.web.messaging.control;

import com.consultchat.account.boundary.Caller;
import com.consultchat.platform.boundary.RateLimited;
import com.consultchat.platform.boundary.RateLimits;
import com.consultchat.platform.boundary.RateLimits.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;

/**
 * Charges each client frame to its sender's allowance as it arrives, once, before it waits for the
 * database (a frame tried again after a stall is not charged again). Messages spend the person's
 * message allowance, everything else the frame allowance; a typing signal or receipt over the limit
 * is dropped, since the next one says the same.
 */
@ApplicationScoped
public class FrameMeter {

  private static final Set<String> MESSAGES = Set.of("send", "edit", "delete");
  private static final Set<String> UNANSWERED = Set.of("typing", "receipt");

  @Inject RateLimits limits;

  /** Charges the frame: 0 when it may go on, otherwise the whole seconds its sender must wait. */
  public int charge(Caller caller, ClientFrame frame) {
    return limits.tryToSpend(
        caller.id(), MESSAGES.contains(frame.type) ? Kind.MESSAGES : Kind.FRAMES);
  }

  /** The answer to a frame refused for {@code wait} seconds; none for typing and receipts. */
  public static Optional<ServerFrame> refusal(ClientFrame frame, int wait, FrameHandler handler) {
    if (UNANSWERED.contains(frame.type)) {
      return Optional.empty();
    }
    return Optional.of(handler.refusal(frame, new RateLimited(wait)));
  }
}
