package com.consultchat.web.messaging.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SeqOrderTest {

  private final AtomicLong now = new AtomicLong();
  private final SeqOrder order = new SeqOrder(now::get);
  private final List<Long> sent = new ArrayList<>();

  private void arrive(long conversation, long seq) {
    order.arrive(conversation, seq, () -> sent.add(conversation * 1000 + seq));
  }

  @Test
  void messagesInOrderGoOutAtOnce() {
    arrive(1, 5);
    arrive(1, 6);
    arrive(1, 7);

    assertThat(sent).containsExactly(1005L, 1006L, 1007L);
  }

  @Test
  void anEarlyMessageWaitsForTheOneBeforeIt() {
    arrive(1, 1);
    arrive(1, 3);
    arrive(1, 4);
    assertThat(sent).containsExactly(1001L);

    arrive(1, 2);

    assertThat(sent).containsExactly(1001L, 1002L, 1003L, 1004L);
  }

  @Test
  void conversationsDoNotWaitForEachOther() {
    arrive(1, 1);
    arrive(2, 1);
    arrive(1, 3);
    arrive(2, 2);

    assertThat(sent).containsExactly(1001L, 2001L, 2002L);
  }

  @Test
  void aMessageWhoseForerunnerNeverComesGoesOutAfterTheHold() {
    arrive(1, 1);
    arrive(1, 3);
    now.addAndGet(SeqOrder.HOLD_NANOS - 1);
    order.sweep();
    assertThat(sent).containsExactly(1001L);

    now.addAndGet(1);
    order.sweep();

    assertThat(sent).containsExactly(1001L, 1003L);
    arrive(1, 4);
    assertThat(sent).containsExactly(1001L, 1003L, 1004L);
  }

  @Test
  void aLateMessageIsStillSentRatherThanLost() {
    arrive(1, 5);
    arrive(1, 6);

    arrive(1, 4);

    assertThat(sent).containsExactly(1005L, 1006L, 1004L);
  }

  @Test
  void idleConversationsAreForgottenAndStartAgain() {
    arrive(1, 1);
    now.addAndGet(SeqOrder.IDLE_NANOS);
    order.sweep();

    arrive(1, 9);

    assertThat(sent).containsExactly(1001L, 1009L);
  }
}
