package com.consultchat.messaging.boundary;

import com.consultchat.account.boundary.Caller;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The rules a feature adds to the conversations it owns (rooms: mutes, archiving, specialists'
 * kinds, review). Messaging asks the policy of the conversation's kind (control {@code Policies});
 * the consultation chat, which has none, keeps the plain rules: members write text. Part of
 * messaging's boundary, so owning features implement it without reaching into messaging.
 */
public interface ConversationPolicy {

  /** The kind of conversation whose rules these are. */
  ConversationKind kind();

  /** What happens to a post that passed the membership check. */
  enum Admission {
    /** Number and publish it now. */
    PUBLISH,
    /** The policy kept it aside (stored in this transaction); it gets no number yet. */
    HOLD
  }

  /**
   * Empty if the conversation is not this policy's; otherwise the admission, or a {@code Refused}
   * thrown. Called before the message is numbered, inside the posting transaction.
   */
  Optional<Admission> admit(
      Caller caller, long conversationId, MessageKind kind, UUID clientId, String body);

  /**
   * How participants appear in this conversation (a room shows handles and pseudonyms), by account;
   * empty if the conversation is not this policy's. Accounts missing from the map appear as
   * themselves.
   */
  Map<Long, Alias> aliases(long conversationId);

  /**
   * Whether the participant may not write here now (muted, archived room), so signals of writing
   * such as typing are not passed on. Conversations that are not this policy's are never silenced.
   */
  default boolean silenced(long conversationId, long accountId) {
    return false;
  }

  /**
   * Whether the caller moderates this conversation: publishes posts held for review and removes
   * others' messages. Nobody does unless the owning feature says so.
   */
  default boolean mayModerate(Caller caller, long conversationId) {
    return false;
  }

  /** One participant's alias, for the hot path (a post, a receipt) where the map would cost. */
  Optional<Alias> alias(long conversationId, long accountId);
}
