package com.consultchat.web.messaging.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Answers a poll that finds nothing new from memory, before the request stack (session store,
 * security, filters, REST, CDI's request scope) runs: most polls of a quiet chat are such polls. It
 * answers only when all of these hold, and otherwise leaves the poll to the full stack, which
 * answers it as before:
 *
 * <ul>
 *   <li>the full stack let one of this session's polls through within {@link
 *       PollSessions#RECHECK_NANOS}, and the session has not ended since;
 *   <li>the poll shows the conversation's current version token signed for that session's person
 *       ({@link PollVersions}), which only a checked answer to that person carried;
 *   <li>it is not sooner than the floor after the session's last poll of the conversation.
 * </ul>
 *
 * The answer is what the full stack gives such a poll: who is typing, and what was pushed to the
 * person about the conversation since (the emergency notice).
 */
@ApplicationScoped
public class QuietPolls {

  @Inject PollSessions sessions;
  @Inject PollVersions versions;
  @Inject RecentTyping typing;
  @Inject PollSignals signals;
  @Inject MessagingMeters meters;

  /** The frames for this poll, if it can be answered here; empty: leave it to the full stack. */
  public Optional<String> answer(String session, long conversation, String seenVersion) {
    OptionalLong account = sessions.recentlyChecked(session);
    if (account.isEmpty()
        || !versions.current(conversation, account.getAsLong()).equals(seenVersion)
        || !sessions.claim(session, conversation)) {
      return Optional.empty();
    }
    meters.answeredQuietly();
    return Optional.of(nothingNew(conversation, account.getAsLong()));
  }

  /** The answer to a member's poll that finds no new message: typing and pushed frames. */
  public String nothingNew(long conversation, long account) {
    return withSignals(
        FrameCodec.encodeAll(new ArrayList<>(typing.now(conversation, account))),
        conversation,
        account);
  }

  /** Adds what was pushed to this person about the conversation since their last poll. */
  public String withSignals(String frames, long conversation, long account) {
    List<String> pushed = signals.take(conversation, account);
    if (pushed.isEmpty()) {
      return frames;
    }
    String rest = String.join(",", pushed);
    return "[]".equals(frames)
        ? "[" + rest + "]"
        : frames.substring(0, frames.length() - 1) + "," + rest + "]";
  }
}
