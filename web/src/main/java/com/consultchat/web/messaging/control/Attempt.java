package com.consultchat.web.messaging.control;

import com.consultchat.web.platform.boundary.Failure;

/** What one try at a frame came to: an answer (possibly none), or a failure worth trying again. */
sealed interface Attempt {

  /** Handled; {@code answer} is null for frames that get none (typing, receipts). */
  record Done(ServerFrame answer) implements Attempt {}

  /** Not handled, for a reason that may pass: the frame should be tried again. */
  record Failed(Failure failure) implements Attempt {}
}
