package com.consultchat.messaging.control;

import com.consultchat.messaging.boundary.Alias;
import com.consultchat.messaging.boundary.ReceiptState;
import com.consultchat.messaging.entity.Message;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * How each participant appears in a conversation, by account: what the owning feature says (a
 * room's handles and pseudonyms), else the account's own id and display name. Resolved once per
 * conversation and request, not per message.
 */
@Dependent
public class Aliases {

  @Inject Policies policies;

  public Map<Long, Alias> of(long conversationId) {
    return policies
        .of(conversationId)
        .map(policy -> policy.aliases(conversationId))
        .orElse(Map.of());
  }

  /** One participant, as {@link #of(long)} would have them. */
  public Alias of(long conversationId, long accountId, String displayName) {
    return policies
        .of(conversationId)
        .flatMap(policy -> policy.alias(conversationId, accountId))
        .orElseGet(() -> new Alias(accountId, displayName));
  }

  public ReceiptState of(long conversationId, ReceiptState receipt) {
    return new ReceiptState(
        of(conversationId, receipt.account(), "").id(), receipt.delivered(), receipt.read());
  }

  public static Alias of(Map<Long, Alias> aliases, Message message) {
    return of(aliases, message.sender().id(), message.sender().displayName());
  }

  public static Alias of(Map<Long, Alias> aliases, long accountId, String displayName) {
    return aliases.getOrDefault(accountId, new Alias(accountId, displayName));
  }

  /** A receipt as the other participants see it: under the member's alias id. */
  public static ReceiptState of(Map<Long, Alias> aliases, ReceiptState receipt) {
    Alias alias = aliases.get(receipt.account());
    return alias == null
        ? receipt
        : new ReceiptState(alias.id(), receipt.delivered(), receipt.read());
  }
}
